import DubboHessian
import NIOCore

/// A way of writing Dubbo bodies, selected per call by the id in the frame header.
///
/// Mirrors Java Dubbo's `Serialization` extension point: a body is a sequence of items written by
/// one ``DubboObjectOutput`` (the strings of a request's prologue, the arguments, the attachments)
/// and read back in the same order by one ``DubboObjectInput``. Conformances are stateless values;
/// the state of one body lives in the output or input they make.
public protocol DubboSerialization: Sendable {
  /// The id written in frame headers.
  var id: DubboSerializationID { get }
  /// The extension name Java uses in URLs (`serialization=hessian2`).
  var name: String { get }
  /// The body of a heartbeat: what this serialization writes for a null object.
  var nullBody: [UInt8] { get }

  /// Starts writing one body.
  func makeOutput() -> any DubboObjectOutput
  /// Starts reading one body.
  /// - Parameters:
  ///   - body: the body bytes.
  ///   - limits: the bounds decoding must stay within.
  func makeInput(body: ByteBuffer, limits: HessianDecodingLimits) -> any DubboObjectInput
}

/// Writes the items of one body, in order (Java's `ObjectOutput`).
///
/// Every method throws when the item has no form in this serialization (for example a type that is
/// not a protobuf message under protobuf); the runtime turns that into the right Dubbo status.
public protocol DubboObjectOutput {
  /// Writes a string item (`writeUTF`): the prologue of a request, an error text, an event.
  mutating func writeString(_ value: String?) throws
  /// Writes an integer item (`writeByte`/`writeInt`): the result flag of a response.
  mutating func writeInt(_ value: Int32) throws
  /// Writes one argument or result value (`writeObject`).
  mutating func writeValue<Value: DubboSerializable>(_ value: Value) throws
  /// Writes Hessian values straight into the body's stream, for generated code that maps the
  /// fields of one message onto several Java parameters.
  /// - Throws: ``DubboSerializationError`` under any serialization but hessian2.
  mutating func writeHessian(_ body: (inout HessianEncoder) throws -> Void) throws
  /// Writes an exception result (`writeThrowable`).
  mutating func writeThrowable(_ throwable: JavaThrowable) throws
  /// Writes the attachments (`writeAttachments`).
  mutating func writeAttachments(_ attachments: DubboAttachments) throws
  /// Appends the finished body to `buffer`.
  func write(to buffer: inout ByteBuffer)
}

/// Reads the items of one body, in the order they were written (Java's `ObjectInput`).
///
/// Every method throws when the body is malformed, truncated or holds another kind of item; the
/// runtime turns that into the right Dubbo status (``DubboStatus/badRequest`` on a provider,
/// ``DubboStatus/clientError`` on a consumer).
public protocol DubboObjectInput {
  /// Reads a string item (`readUTF`).
  mutating func readString() throws -> String?
  /// Reads an integer item: the result flag of a response.
  mutating func readInt() throws -> Int32
  /// Reads one argument or result value of the given type (`readObject(Class)`).
  mutating func readValue<Value: DubboSerializable>(_ type: Value.Type) throws -> Value
  /// Reads Hessian values straight from the body's stream; the counterpart of
  /// ``DubboObjectOutput/writeHessian(_:)``.
  /// - Throws: ``DubboSerializationError`` under any serialization but hessian2.
  mutating func readHessian<Value>(_ body: (inout HessianDecoder) throws -> Value) throws -> Value
  /// Reads an exception result (`readThrowable`).
  mutating func readThrowable() throws -> JavaThrowable
  /// Reads the attachments; an absent map reads as empty.
  mutating func readAttachments() throws -> DubboAttachments
}

extension DubboObjectOutput {
  /// Unsupported: throws ``DubboSerializationError``.
  public mutating func writeHessian(_ body: (inout HessianEncoder) throws -> Void) throws {
    throw DubboSerializationError.separateParametersNeedHessian
  }
}

extension DubboObjectInput {
  /// Unsupported: throws ``DubboSerializationError``.
  public mutating func readHessian<Value>(_ body: (inout HessianDecoder) throws -> Value) throws -> Value {
    throw DubboSerializationError.separateParametersNeedHessian
  }
}

extension DubboSerializationError {
  static let separateParametersNeedHessian = DubboSerializationError(
    "A Java method whose parameters are a message's fields, or whose result is one field, needs the hessian2 serialization"
  )
}
