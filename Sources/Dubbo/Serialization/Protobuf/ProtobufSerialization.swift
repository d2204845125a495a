import DubboHessian
import Foundation
import NIOCore
import SwiftProtobuf

/// `protobuf` (Java's id 22): every item of a body is one varint-length-delimited protobuf
/// message, as Java Dubbo's `GenericProtobufObjectOutput` writes it.
///
/// Strings and the result flag travel as `google.protobuf.StringValue` / `Int32Value`; arguments
/// and results must be protobuf messages; attachments are the `Map` wrapper message with string
/// values; exceptions the `ThrowableProto` wrapper. dubbo-go's unreleased protobuf serializer used
/// id 21: ``DubboSerializationRegistry/dubboGoCompatible`` registers this serialization there too.
public struct ProtobufSerialization: DubboSerialization {
  /// The id this instance claims.
  public let id: DubboSerializationID

  /// Creates the serialization under Java's id 22, or another id for compatibility.
  public init(id: DubboSerializationID = .protobuf) {
    self.id = id
  }

  /// `protobuf`.
  public var name: String { "protobuf" }
  /// Nothing: Java's protobuf writer cannot write null, so a heartbeat body is empty.
  public var nullBody: [UInt8] { [] }

  /// Starts a body.
  public func makeOutput() -> any DubboObjectOutput {
    ProtobufObjectOutput()
  }

  /// Reads a body.
  public func makeInput(body: ByteBuffer, limits: HessianDecodingLimits) -> any DubboObjectInput {
    ProtobufObjectInput(body: body)
  }
}

struct ProtobufObjectOutput: DubboObjectOutput {
  var bytes: [UInt8] = []

  private mutating func writeDelimited(_ message: [UInt8]) {
    var length = UInt64(message.count)
    while length >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: length) | 0x80)
      length >>= 7
    }
    bytes.append(UInt8(length))
    bytes += message
  }

  private mutating func writeDelimited(_ message: some SwiftProtobuf.Message) throws {
    var options = BinaryEncodingOptions()
    options.useDeterministicOrdering = true
    writeDelimited(try message.serializedBytes(options: options) as [UInt8])
  }

  mutating func writeString(_ value: String?) throws {
    guard let value else { throw DubboSerializationError("protobuf cannot write a null string") }
    try writeDelimited(Google_Protobuf_StringValue(value))
  }

  mutating func writeInt(_ value: Int32) throws {
    try writeDelimited(Google_Protobuf_Int32Value(value))
  }

  mutating func writeValue<Value: DubboSerializable>(_ value: Value) throws {
    writeDelimited(try value.encodeProtobuf())
  }

  mutating func writeThrowable(_ throwable: JavaThrowable) throws {
    try writeDelimited(ProtobufWrapperThrowableProto(throwable))
  }

  mutating func writeAttachments(_ attachments: DubboAttachments) throws {
    var map = ProtobufWrapperMap()
    for (key, value) in attachments.stringValues { map.attachments[key] = value }
    try writeDelimited(map)
  }

  func write(to buffer: inout ByteBuffer) {
    buffer.writeBytes(bytes)
  }
}

struct ProtobufObjectInput: DubboObjectInput {
  var body: ByteBuffer

  private mutating func readDelimited() throws -> [UInt8] {
    var length: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard let byte = body.readInteger(as: UInt8.self) else {
        throw DubboSerializationError("protobuf body ended inside a length prefix")
      }
      length |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { break }
      shift += 7
      guard shift < 35 else { throw DubboSerializationError("protobuf length prefix is too long") }
    }
    guard length <= UInt64(body.readableBytes) else {
      throw DubboSerializationError("protobuf message of \(length) bytes but only \(body.readableBytes) remain")
    }
    return body.readBytes(length: Int(length))!
  }

  mutating func readMessage<M: SwiftProtobuf.Message>(_ type: M.Type) throws -> M {
    try M(serializedBytes: readDelimited())
  }

  mutating func readString() throws -> String? {
    try readMessage(Google_Protobuf_StringValue.self).value
  }

  mutating func readInt() throws -> Int32 {
    try readMessage(Google_Protobuf_Int32Value.self).value
  }

  mutating func readValue<Value: DubboSerializable>(_ type: Value.Type) throws -> Value {
    try Value.decodeProtobuf(readDelimited())
  }

  mutating func readThrowable() throws -> JavaThrowable {
    JavaThrowable(try readMessage(ProtobufWrapperThrowableProto.self), depth: 0)
  }

  mutating func readAttachments() throws -> DubboAttachments {
    var attachments = DubboAttachments()
    guard body.readableBytes > 0 else { return attachments }
    let map = try readMessage(ProtobufWrapperMap.self)
    for key in map.attachments.keys.sorted() { attachments[string: key] = map.attachments[key] }
    for key in map.attachmentsV2.keys.sorted() {
      attachments[key] = try Self.typedAttachment(map.attachmentsV2[key]!.value)
    }
    return attachments
  }

  /// A Dubbo 3 typed attachment: a delimited `StringValue` naming the Java class, then the value
  /// as the matching wrapper message.
  private static func typedAttachment(_ bytes: Data) throws -> HessianValue {
    var input = ProtobufObjectInput(body: ByteBuffer(bytes: bytes))
    let className = try input.readString()
    switch className {
    case "null": return .null
    case "java.lang.String": return .string(try input.readMessage(Google_Protobuf_StringValue.self).value)
    case "java.lang.Integer": return .int(try input.readMessage(Google_Protobuf_Int32Value.self).value)
    case "java.lang.Long": return .long(try input.readMessage(Google_Protobuf_Int64Value.self).value)
    case "java.lang.Boolean": return .bool(try input.readMessage(Google_Protobuf_BoolValue.self).value)
    case "java.lang.Double": return .double(try input.readMessage(Google_Protobuf_DoubleValue.self).value)
    case "java.lang.Float": return .double(Double(try input.readMessage(Google_Protobuf_FloatValue.self).value))
    default: throw DubboSerializationError("unsupported typed attachment of class \(className ?? "?")")
    }
  }
}

extension ProtobufWrapperThrowableProto {
  init(_ throwable: JavaThrowable) {
    self.init()
    originalClassName = throwable.className
    originalMessage = throwable.message ?? ""
    stackTrace = throwable.stackTrace.map { frame in
      var element = ProtobufWrapperStackTraceElementProto()
      element.className = frame.declaringClass
      element.methodName = frame.methodName
      element.fileName = frame.fileName ?? ""
      element.lineNumber = frame.lineNumber
      return element
    }
    if let cause = throwable.cause { self.cause = ProtobufWrapperThrowableProto(cause) }
  }
}

extension JavaThrowable {
  /// The exception a `ThrowableProto` describes; a cause chain is cut off after 64 levels.
  init(_ proto: ProtobufWrapperThrowableProto, depth: Int) {
    self.init(
      className: proto.originalClassName,
      message: proto.originalMessage.isEmpty ? nil : proto.originalMessage,
      cause: proto.hasCause && depth < 64 ? JavaThrowable(proto.cause, depth: depth + 1) : nil,
      stackTrace: proto.stackTrace.map {
        JavaStackTraceElement(
          declaringClass: $0.className,
          methodName: $0.methodName,
          fileName: $0.fileName.isEmpty ? nil : $0.fileName,
          lineNumber: $0.lineNumber
        )
      }
    )
  }
}
