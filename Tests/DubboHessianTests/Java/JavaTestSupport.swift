import DubboHessian
import NIOCore
import Testing

/// Encodes `value` in a fresh stream, decodes it back and checks the whole stream was read.
func javaRoundTrip<Value: HessianCodable>(_ value: Value) throws -> Value {
  var encoder = HessianEncoder()
  encoder.encode(value)
  var decoder = HessianDecoder(buffer: encoder.buffer)
  let decoded = try decoder.decode(Value.self)
  #expect(decoder.isAtEnd)
  return decoded
}

/// Decodes a `Value` from a stream written by `write`.
func javaDecode<Value: HessianDecodable>(_ type: Value.Type, _ write: (inout HessianEncoder) -> Void) throws -> Value {
  var encoder = HessianEncoder()
  write(&encoder)
  var decoder = HessianDecoder(buffer: encoder.buffer)
  return try decoder.decode(Value.self)
}

/// Whether `error` is a ``HessianError`` with `code`.
func isHessianError(_ error: any Error, _ code: HessianError.Code) -> Bool {
  (error as? HessianError)?.code == code
}

/// The hex of a short Hessian string (up to 1023 ASCII characters): length then bytes.
func javaStringHex(_ text: String) -> String {
  let bytes = Array(text.utf8)
  let length: [UInt8] =
    bytes.count < 32 ? [UInt8(bytes.count)] : [0x30 + UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)]
  return Hex.string(length + bytes)
}

/// The hex of a class definition record as hessian-lite writes it the first time a class is used.
func javaClassDefinitionHex(_ className: String, _ fields: [String]) -> String {
  let count = Hex.string(encoded { $0.writeInt(Int32(fields.count)) })
  return (["43", javaStringHex(className), count] + fields.map(javaStringHex)).joined(separator: " ")
}
