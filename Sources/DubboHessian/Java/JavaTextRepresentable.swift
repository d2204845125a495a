/// A Java value that can be written as text: `java.math.BigDecimal` and `BigInteger` as decimal
/// text, the java.time types in ISO-8601 as Java prints them. Generated code maps `.proto`
/// `string` fields onto these Java types through it.
public protocol JavaTextRepresentable: HessianCodable {
  /// Parses the text Java's `toString()` writes.
  /// - Throws: an error naming the type when `javaText` is not a valid value.
  init(javaText: String) throws
  /// The text Java's `toString()` writes.
  var javaText: String { get }
}

extension JavaBigDecimal: JavaTextRepresentable {
  /// Parses decimal text such as `-12.50` or `1E+3`.
  public init(javaText: String) throws { try self.init(javaText) }
  /// The decimal text.
  public var javaText: String { text }
}

extension JavaBigInteger: JavaTextRepresentable {
  /// Parses decimal integer text.
  public init(javaText: String) throws { try self.init(javaText) }
  /// The decimal text.
  public var javaText: String { description }
}

extension HessianEncoder {
  /// Writes `text` as the Java value `type` parses it into; empty text is Java's `null`, and text
  /// that is not a valid value is recorded with ``HessianEncoder/fail(_:)``.
  public mutating func writeJavaText<Value: JavaTextRepresentable>(_ text: String, as type: Value.Type) {
    guard !text.isEmpty else { return writeNull() }
    do {
      encode(try Value(javaText: text))
    } catch {
      fail("'\(text)' is not a \(Value.self): \(error)")
    }
  }
}

extension HessianDecoder {
  /// Reads a value of `type` as its Java text (check for Java's `null` first, which
  /// ``HessianEncoder/writeJavaText(_:as:)`` writes for empty text). The value may also come as
  /// its text, as a generic call generalizes a `LocalDate` (Java's `PojoUtils`).
  /// - Throws: ``HessianError`` when the value is neither `type` nor text `type` parses.
  public mutating func readJavaText<Value: JavaTextRepresentable>(_ type: Value.Type) throws -> String {
    guard try nextIsString() else { return try decode(Value.self).javaText }
    let start = offset
    let text = try readString()
    do {
      return try Value(javaText: text).javaText
    } catch {
      throw HessianError(.invalidValue, "'\(text)' is not a \(Value.self): \(error)", offset: start)
    }
  }
}
