/// A decimal number split up as Java's `BigDecimal(String)` reads it: sign, significand digits and
/// scale (the number is `±digits × 10^-scale`).
///
/// The grammar is Java's: an optional `+` or `-`, digits with at most one `.` (at least one digit
/// before or after it), then optionally `e` or `E`, an optional sign and at least one digit. The
/// resulting scale must fit a Java `int`. Only ASCII digits are accepted: Java's `toString()` never
/// writes any other (its parser also takes other Unicode decimal digits).
struct JavaDecimalSyntax {
  /// Whether the text starts with `-`.
  var isNegative: Bool
  /// The significand's digits (values 0–9), integer part then fraction part, leading zeros kept.
  var digits: [UInt8]
  /// The number of fraction digits minus the exponent.
  var scale: Int32

  /// Parses `text`.
  /// - Parameter offset: The stream offset reported in the error.
  /// - Throws: ``HessianError/Code/invalidValue`` naming the problem and its position (in UTF-8
  ///   bytes) in `text`.
  init(parsing text: String, offset: Int) throws {
    let bytes = Array(text.utf8)
    func fail(_ reason: String, at position: Int) -> HessianError {
      HessianError(
        .invalidValue, "'\(text)' is not a Java BigDecimal: \(reason) at position \(position)", offset: offset)
    }
    func unexpected(at position: Int) -> HessianError {
      let byte = bytes[position]
      return fail(byte < 0x80 ? "unexpected '\(Unicode.Scalar(byte))'" : "unexpected non-ASCII character", at: position)
    }
    var index = 0
    isNegative = bytes.first == UInt8(ascii: "-")
    if isNegative || bytes.first == UInt8(ascii: "+") { index += 1 }
    digits = []
    var fractionDigits: Int64 = 0
    var sawPoint = false
    scanSignificand: while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits.append(bytes[index] - UInt8(ascii: "0"))
        if sawPoint { fractionDigits += 1 }
      case UInt8(ascii: "."):
        guard !sawPoint else { throw fail("a second decimal point", at: index) }
        sawPoint = true
      default:
        break scanSignificand
      }
      index += 1
    }
    guard !digits.isEmpty else { throw fail("no digits", at: index) }
    var exponent: Int64 = 0
    if index < bytes.count {
      guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else {
        throw unexpected(at: index)
      }
      index += 1
      let exponentIsNegative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
      if exponentIsNegative || (index < bytes.count && bytes[index] == UInt8(ascii: "+")) { index += 1 }
      let exponentStart = index
      while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
        exponent = exponent * 10 + Int64(bytes[index] - UInt8(ascii: "0"))
        guard exponent <= Int64(UInt32.max) + fractionDigits else { throw fail("exponent out of range", at: index) }
        index += 1
      }
      guard index > exponentStart else { throw fail("exponent without digits", at: index) }
      guard index == bytes.count else { throw unexpected(at: index) }
      if exponentIsNegative { exponent = -exponent }
    }
    guard let scale = Int32(exactly: fractionDigits - exponent) else {
      throw fail("scale \(fractionDigits - exponent) out of the int range", at: bytes.count)
    }
    self.scale = scale
  }
}
