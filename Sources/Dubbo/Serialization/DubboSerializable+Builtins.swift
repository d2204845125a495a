import DubboHessian
import Foundation

extension String: DubboSerializable {}
extension Bool: DubboSerializable {}
extension Int8: DubboSerializable {}
extension Int16: DubboSerializable {}
extension Int32: DubboSerializable {}
extension Int64: DubboSerializable {}
extension Int: DubboSerializable {}
extension Float: DubboSerializable {}
extension Double: DubboSerializable {}
extension Data: DubboSerializable {}
extension Date: DubboSerializable {}
extension JavaBigDecimal: DubboSerializable {}
extension JavaBigInteger: DubboSerializable {}

extension Array: DubboSerializable where Element: DubboSerializable & HessianCodable {
  /// A JSON array of the elements' JSON forms.
  public func encodeJSON() throws -> [UInt8] {
    var json: [UInt8] = [UInt8(ascii: "[")]
    for (index, element) in enumerated() {
      if index > 0 { json.append(UInt8(ascii: ",")) }
      json += try element.encodeJSON()
    }
    json.append(UInt8(ascii: "]"))
    return json
  }

  /// Reads a JSON array, each element through its own JSON form.
  public static func decodeJSON(_ bytes: [UInt8]) throws -> Self {
    guard let elements = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? [Any]
    else {
      throw DubboSerializationError("expected a JSON array for \(Self.self)")
    }
    return try elements.map { element in
      try Element.decodeJSON([UInt8](try JSONSerialization.data(withJSONObject: element, options: .fragmentsAllowed)))
    }
  }
}

extension Dictionary: DubboSerializable
where Key: DubboSerializable & HessianCodable, Value: DubboSerializable & HessianCodable {}

extension Optional: DubboSerializable where Wrapped: DubboSerializable {
  /// Writes `N` for `nil`, else the wrapped value.
  public func encodeHessian(to encoder: inout HessianEncoder) throws {
    guard let self else { return encoder.writeNull() }
    try self.encodeHessian(to: &encoder)
  }
  /// Reads `N` as `nil`, else the wrapped value.
  public static func decodeHessian(from decoder: inout HessianDecoder) throws -> Self {
    if try decoder.consumeNull() { return nil }
    return try Wrapped.decodeHessian(from: &decoder)
  }
  /// The wrapped value's message; `nil` has no protobuf form.
  public func encodeProtobuf() throws -> [UInt8] {
    guard let self else { throw DubboSerializationError("null has no protobuf form") }
    return try self.encodeProtobuf()
  }
  /// The wrapped value's message.
  public static func decodeProtobuf(_ bytes: [UInt8]) throws -> Self {
    try Wrapped.decodeProtobuf(bytes)
  }
  /// `null`, or the wrapped value's JSON.
  public func encodeJSON() throws -> [UInt8] {
    guard let self else { return Array("null".utf8) }
    return try self.encodeJSON()
  }
  /// `null` as `nil`, else the wrapped value.
  public static func decodeJSON(_ bytes: [UInt8]) throws -> Self {
    if bytes.elementsEqual("null".utf8) { return nil }
    return try Wrapped.decodeJSON(bytes)
  }
  /// `nil`.
  public static var javaNull: Self? { .some(nil) }
  /// Whether this is `nil`.
  public var isJavaNull: Bool { self == nil }
}

extension HessianValue: DubboSerializable {
  /// Java's null.
  public static var javaNull: HessianValue? { .null }

  /// The value as fastjson writes the Java value: maps and objects as JSON objects (keys as
  /// `String.valueOf` gives them, an object's fields by name), lists as arrays, dates as
  /// milliseconds since 1970, `byte[]` as base64, a NaN or an infinity as `null`.
  public func encodeJSON() throws -> [UInt8] {
    Array(
      try JSONSerialization.data(
        withJSONObject: JSONText.foundationTree(self), options: [.fragmentsAllowed, .withoutEscapingSlashes]))
  }

  /// JSON as a generic value: objects as maps with string keys, arrays as lists, integers as an
  /// `int` when they fit, else a `long`.
  public static func decodeJSON(_ bytes: [UInt8]) throws -> HessianValue {
    JSONText.hessianTree(try JSONText.parse(bytes))
  }
}
