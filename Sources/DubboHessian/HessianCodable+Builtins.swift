import Foundation

// Scalars map to Java primitives and their wrappers. Decoding a non-optional scalar, string or
// collection accepts Java `null` as the empty value (0, "", [], [:]), as protobuf's defaults do;
// decode an `Optional` to keep the difference.

extension Bool: HessianCodable {
  /// Writes a Java `boolean`.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeBool(self) }
  /// Reads a Java `boolean`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws { self = try decoder.readBool() }
}

extension Int32: HessianCodable {
  /// Writes a Java `int`.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeInt(self) }
  /// Reads a Java `int`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws { self = try decoder.readInt() }
}

extension Int64: HessianCodable {
  /// Writes a Java `long`.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeLong(self) }
  /// Reads a Java `long`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws { self = try decoder.readLong() }
}

extension Int: HessianCodable {
  /// Writes a Java `long`.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeLong(Int64(self)) }
  /// Reads a Java `long`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws { self = Int(try decoder.readLong()) }
}

extension Int8: HessianCodable {
  /// Writes a Java `byte` (an int on the wire).
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeInt(Int32(self)) }
  /// Reads a Java `byte`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    self = try decoder.readNarrowInteger(Int8.self, javaName: "byte")
  }
}

extension Int16: HessianCodable {
  /// Writes a Java `short` (an int on the wire).
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeInt(Int32(self)) }
  /// Reads a Java `short`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    self = try decoder.readNarrowInteger(Int16.self, javaName: "short")
  }
}

extension Double: HessianCodable {
  /// Writes a Java `double`.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeDouble(self) }
  /// Reads a Java `double`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws { self = try decoder.readDouble() }
}

extension Float: HessianCodable {
  /// Writes a Java `float`, widened to a double as Java writes primitive floats.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeDouble(Double(self)) }
  /// Reads a Java `float`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws { self = Float(try decoder.readDouble()) }
}

extension String: HessianCodable {
  /// Writes a Java `String`.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeString(self) }
  /// Reads a Java `String` (`null` reads as "").
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    self = try decoder.readString(acceptingNull: true) ?? ""
  }
}

extension Data: HessianCodable {
  /// Writes a Java `byte[]`.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeBinary(self) }
  /// Reads a Java `byte[]` (`null` reads as empty).
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    self = try decoder.consumeNull() ? Data() : Data(decoder.readBinary())
  }
}

extension Date: HessianCodable {
  /// Writes a `java.util.Date` (millisecond precision).
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeDate(self) }
  /// Reads a `java.util.Date`.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws { self = try decoder.readDate() }
}

extension Optional: HessianEncodable where Wrapped: HessianEncodable {
  /// Writes Java `null` for `nil`, else the wrapped value (a Java wrapper type such as
  /// `java.lang.Integer` for `Int32?`).
  @inlinable
  public func encode(to encoder: inout HessianEncoder) {
    if let self { self.encode(to: &encoder) } else { encoder.writeNull() }
  }
}

extension Optional: HessianDecodable where Wrapped: HessianDecodable {
  /// Reads Java `null` as `nil`, else the wrapped value.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    self = try decoder.consumeNull() ? nil : decoder.decode(Wrapped.self)
  }

  /// Whether the wrapped type is a scalar.
  @inlinable
  public static var isHessianScalar: Bool { Wrapped.isHessianScalar }
}

extension Array: HessianEncodable where Element: HessianEncodable {
  /// Writes a `java.util.List` the way Java writes an `ArrayList`: an untyped list.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeList(self) }
}

extension Array: HessianDecodable where Element: HessianDecodable {
  /// Reads any Hessian list (typed or untyped, fixed or variable, Java arrays and collections).
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    if try decoder.consumeNull() {
      self = []
      return
    }
    let header = try decoder.readListHeader()
    self = try decoder.readListElements(header) { try $0.decode(Element.self) }
  }
}

extension Set: HessianEncodable where Element: HessianEncodable {
  /// Writes a `java.util.HashSet`: a list typed with that class name.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) { encoder.writeList(self, type: "java.util.HashSet") }
}

extension Set: HessianDecodable where Element: HessianDecodable {
  /// Reads any Hessian list into a set.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    self = Set(try decoder.decode([Element].self))
  }
}

extension Dictionary: HessianEncodable where Key: HessianEncodable, Value: HessianEncodable {
  /// Writes a `java.util.HashMap`: an untyped map.
  @inlinable
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeMapHeader()
    for (key, value) in self {
      key.encode(to: &encoder)
      value.encode(to: &encoder)
    }
    encoder.writeEnd()
  }
}

extension Dictionary: HessianDecodable where Key: HessianDecodable, Value: HessianDecodable {
  /// Reads any Hessian map (typed or untyped). A repeated key keeps its last value.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    self = [:]
    if try decoder.consumeNull() { return }
    var entries: [Key: Value] = [:]
    let header = try decoder.readMapHeader()
    try decoder.readMapEntries(referenceIndex: header.referenceIndex) { decoder in
      let key = try decoder.decode(Key.self)
      entries[key] = try decoder.decode(Value.self)
    }
    self = entries
  }
}

extension HessianEncoder {
  /// Writes a list of known length, as Java writes a collection or an array.
  ///
  /// - Parameters:
  ///   - elements: The elements.
  ///   - type: `nil` for a `java.util.ArrayList`; a collection class such as `"java.util.HashSet"`;
  ///     or a Java array type: `"[int"`, `"[long"`, `"[double"`, `"[boolean"`, `"[string"`,
  ///     `"[object"`, `"[com.foo.Bar"`.
  @inlinable
  public mutating func writeList<Elements: Collection>(_ elements: Elements, type: String? = nil)
  where Elements.Element: HessianEncodable {
    writeListHeader(count: elements.count, type: type)
    for element in elements { element.encode(to: &self) }
  }
}

extension Bool: HessianScalarDecodable {}
extension Int32: HessianScalarDecodable {}
extension Int64: HessianScalarDecodable {}
extension Int: HessianScalarDecodable {}
extension Int8: HessianScalarDecodable {}
extension Int16: HessianScalarDecodable {}
extension Double: HessianScalarDecodable {}
extension Float: HessianScalarDecodable {}
extension String: HessianScalarDecodable {}
extension Data: HessianScalarDecodable {}
extension Date: HessianScalarDecodable {}

extension HessianDecoder {
  /// Reads an integer that must fit `Integer`, naming the Java type in the error otherwise.
  @usableFromInline
  mutating func readNarrowInteger<Integer: FixedWidthInteger>(_ type: Integer.Type, javaName: String) throws -> Integer
  {
    let start = offset
    let value = try readInt()
    guard let narrow = Integer(exactly: value) else {
      throw HessianError(.invalidValue, "\(value) does not fit a Java \(javaName)", offset: start)
    }
    return narrow
  }
}
