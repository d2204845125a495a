import Foundation

/// A `java.math.BigDecimal`, kept as the exact text Java's `toString()` produces.
///
/// hessian-lite writes a `BigDecimal` as an object of class `java.math.BigDecimal` with one field,
/// `value`, holding `toString()`, and reads it back with `new BigDecimal(value)`. Keeping the text
/// preserves the scale, so `"12345.678900"` and `"-1E+3"` travel back byte for byte.
///
/// Equality compares the text: like Java's `equals`, it tells `"1.0"` from `"1.00"`; unlike it, it
/// also tells spellings of the same number and scale apart (`"+1"` and `"1"`, `"1e3"` and `"1E+3"`).
public struct JavaBigDecimal: HessianObjectCodable, Hashable, Sendable, CustomStringConvertible {
  /// The number in the syntax of Java's `BigDecimal(String)`.
  public let text: String

  /// Creates a value from its text, validated against the grammar of Java's `BigDecimal(String)`
  /// (ASCII digits only).
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0, as no stream
  ///   is involved) when Java would reject the text.
  public init(_ text: String) throws {
    try self.init(text, offset: 0)
  }

  /// Creates the value Java would read for `value`.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` for NaN.
  public init(_ value: Decimal) throws {
    guard !value.isNaN else { throw HessianError(.invalidValue, "NaN is not a Java BigDecimal", offset: 0) }
    try self.init(value.description)
  }

  init(_ text: String, offset: Int) throws {
    _ = try JavaDecimalSyntax(parsing: text, offset: offset)
    self.text = text
  }

  /// The number as a Foundation `Decimal`, or `nil` when `Decimal` cannot hold it exactly: when it
  /// needs more than 38 digits, counting the zeros that bring its exponent into `Decimal`'s range
  /// (-128 through 127).
  public var decimalValue: Decimal? {
    // The text was validated on creation, so it parses.
    let syntax = try! JavaDecimalSyntax(parsing: text, offset: 0)
    var digits = syntax.digits.drop { $0 == 0 }
    var exponent = -Int(syntax.scale)
    while digits.last == 0 {
      digits.removeLast()
      exponent += 1
    }
    guard !digits.isEmpty else { return .zero }
    // Trailing zeros bring a too-large exponent into range, as long as the significand has room.
    let padding = max(0, exponent - Self.decimalExponents.upperBound)
    guard digits.count + padding <= Self.maximumDecimalDigits, exponent >= Self.decimalExponents.lowerBound else {
      return nil
    }
    let significand = String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    let sign = syntax.isNegative ? "-" : ""
    return Decimal(string: sign + significand + String(repeating: "0", count: padding) + "E\(exponent - padding)")
  }

  /// The most decimal digits a `Decimal` significand always holds.
  private static let maximumDecimalDigits = 38
  /// The exponents a `Decimal` can have.
  private static let decimalExponents = -128...127

  /// The text, as Java's `toString()` gave it.
  public var description: String { text }

  /// `java.math.BigDecimal` with its one field, `value`.
  public static let hessianClass = HessianClassDefinition(className: "java.math.BigDecimal", fieldNames: ["value"])

  /// Writes the object hessian-lite's `StringValueSerializer` writes.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeString(text)
  }

  /// Reads a `java.math.BigDecimal` object.
  /// - Throws: ``HessianError/Code/invalidValue`` when `value` is missing or not valid
  ///   `BigDecimal` text.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let (value, header) = try decoder.readSingleFieldObject(expecting: Self.hessianClass, as: String.self)
    guard let value else {
      throw HessianError(.invalidValue, "\(decoder.className(of: header)) without a value", offset: start)
    }
    try self.init(value, offset: start)
  }
}
