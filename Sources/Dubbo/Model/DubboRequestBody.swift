import DubboHessian
import NIOCore

/// The five strings that open every request body, before the arguments.
struct DubboRequestPrologue: Sendable {
  /// The Dubbo protocol version the consumer speaks (`2.0.2`).
  var dubboVersion: String
  /// The service path, normally the Java interface name.
  var path: String
  /// The service version, `0.0.0` for none.
  var version: String
  /// The Java method name.
  var methodName: String
  /// The JVM descriptor of the parameter types.
  var parameterDescriptor: String

  func write(to output: inout any DubboObjectOutput) throws {
    try output.writeString(dubboVersion)
    try output.writeString(path)
    try output.writeString(version)
    try output.writeString(methodName)
    try output.writeString(parameterDescriptor)
  }

  init(dubboVersion: String, path: String, version: String, methodName: String, parameterDescriptor: String) {
    self.dubboVersion = dubboVersion
    self.path = path
    self.version = version
    self.methodName = methodName
    self.parameterDescriptor = parameterDescriptor
  }

  init(from input: inout any DubboObjectInput) throws {
    dubboVersion = try input.readString() ?? ""
    path = try input.readString() ?? ""
    version = try input.readString() ?? ""
    methodName = try input.readString() ?? ""
    parameterDescriptor = try input.readString() ?? ""
  }
}

/// Writes the bodies the runtime sends.
enum DubboBody {
  /// A response with status OK: result flag, then the value or exception, then attachments when
  /// the consumer's protocol version accepts them.
  static func result(
    _ result: DubboEncodedResult,
    attachments: DubboAttachments?,
    serialization: any DubboSerialization,
    allocator: ByteBufferAllocator
  ) throws -> ByteBuffer {
    var output = serialization.makeOutput()
    let flag = DubboResultFlag(result.kind, withAttachments: attachments != nil)
    try output.writeInt(flag.rawValue)
    try result.write(&output)
    if let attachments { try output.writeAttachments(attachments) }
    return output.finished(allocator: allocator)
  }

  /// A response with another status: the error text alone.
  static func errorText(
    _ message: String,
    serialization: any DubboSerialization,
    allocator: ByteBufferAllocator
  ) throws -> ByteBuffer {
    var output = serialization.makeOutput()
    try output.writeString(message)
    return output.finished(allocator: allocator)
  }
}

/// A result ready to be written: how to write it, and which flag announces it.
struct DubboEncodedResult: Sendable {
  var kind: DubboResultFlag.Kind
  var write: @Sendable (inout any DubboObjectOutput) throws -> Void

  static func value<Value: DubboSerializable>(_ value: Value) -> DubboEncodedResult {
    if value.isJavaNull { return DubboEncodedResult(kind: .null) { _ in } }
    return DubboEncodedResult(kind: .value) { try $0.writeValue(value) }
  }

  static func exception(_ throwable: JavaThrowable) -> DubboEncodedResult {
    DubboEncodedResult(kind: .exception) { try $0.writeThrowable(throwable) }
  }
}

extension DubboObjectOutput {
  /// The body as a buffer.
  func finished(allocator: ByteBufferAllocator) -> ByteBuffer {
    var buffer = allocator.buffer(capacity: 256)
    write(to: &buffer)
    return buffer
  }
}
