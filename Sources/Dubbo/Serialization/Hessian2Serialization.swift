import DubboHessian
import NIOCore

/// `hessian2` (id 2), Java Dubbo's default: every item of a body is one Hessian 2 value, and all
/// items share one stream (class definitions, types and references).
public struct Hessian2Serialization: DubboSerialization {
  /// Creates the serialization.
  public init() {}

  /// 2.
  public var id: DubboSerializationID { .hessian2 }
  /// `hessian2`.
  public var name: String { "hessian2" }
  /// `N`.
  public var nullBody: [UInt8] { [0x4E] }

  /// Starts a body.
  public func makeOutput() -> any DubboObjectOutput {
    Hessian2ObjectOutput()
  }

  /// Reads a body.
  public func makeInput(body: ByteBuffer, limits: HessianDecodingLimits) -> any DubboObjectInput {
    Hessian2ObjectInput(decoder: HessianDecoder(buffer: body, limits: limits))
  }
}

struct Hessian2ObjectOutput: DubboObjectOutput {
  var encoder = HessianEncoder()

  mutating func writeString(_ value: String?) throws {
    encoder.encode(value)
  }

  mutating func writeInt(_ value: Int32) throws {
    encoder.writeInt(value)
  }

  mutating func writeValue<Value: DubboSerializable>(_ value: Value) throws {
    try value.encodeHessian(to: &encoder)
    if let failure = encoder.failure { throw failure }
  }

  mutating func writeHessian(_ body: (inout HessianEncoder) throws -> Void) throws {
    try body(&encoder)
    if let failure = encoder.failure { throw failure }
  }

  mutating func writeThrowable(_ throwable: JavaThrowable) throws {
    encoder.encode(throwable)
  }

  mutating func writeAttachments(_ attachments: DubboAttachments) throws {
    encoder.writeMapHeader()
    for (key, value) in attachments.inJavaHashMapOrder {
      encoder.writeString(key)
      encoder.encode(value)
    }
    encoder.writeEnd()
  }

  func write(to buffer: inout ByteBuffer) {
    encoder.write(to: &buffer)
  }
}

struct Hessian2ObjectInput: DubboObjectInput {
  var decoder: HessianDecoder

  mutating func readString() throws -> String? {
    try decoder.decode(String?.self)
  }

  mutating func readInt() throws -> Int32 {
    try decoder.readInt()
  }

  mutating func readValue<Value: DubboSerializable>(_ type: Value.Type) throws -> Value {
    try Value.decodeHessian(from: &decoder)
  }

  mutating func readHessian<Value>(_ body: (inout HessianDecoder) throws -> Value) throws -> Value {
    try body(&decoder)
  }

  mutating func readThrowable() throws -> JavaThrowable {
    try decoder.decode(JavaThrowable.self)
  }

  mutating func readAttachments() throws -> DubboAttachments {
    if decoder.isAtEnd { return DubboAttachments() }
    return try decoder.decode(AttachmentsMap?.self)?.attachments ?? DubboAttachments()
  }
}

/// A body's attachments map (string keys, any values), read straight into ``DubboAttachments``.
private struct AttachmentsMap: HessianDecodable {
  var attachments = DubboAttachments()

  init(from decoder: inout HessianDecoder) throws {
    guard try decoder.nextIsMap() else {
      throw DubboSerializationError("expected the attachments map, found \(try decoder.decode(HessianValue.self))")
    }
    let header = try decoder.readMapHeader()
    try decoder.readMapEntries(referenceIndex: header.referenceIndex) { decoder in
      guard try decoder.nextIsString() else {
        throw DubboSerializationError("attachment keys must be strings, found \(try decoder.decode(HessianValue.self))")
      }
      let key = try decoder.readString()
      // Nearly every value is a string: read it as one rather than as any value.
      attachments[key] = try decoder.nextIsString() ? .string(decoder.readString()) : decoder.decode(HessianValue.self)
    }
  }
}
