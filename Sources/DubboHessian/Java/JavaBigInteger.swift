/// A `java.math.BigInteger` of any size: a sign and a magnitude in 32-bit words.
///
/// hessian-lite has no special serializer for `BigInteger`, so it travels as an ordinary object of
/// class `java.math.BigInteger` with its non-transient fields: `signum` (int), `mag` (an `int[]`
/// holding the magnitude's 32-bit words, most significant first, as signed ints) and four lazily
/// computed caches. This type writes the layout of JDK 9 and later, where the caches are
/// `bitCountPlusOne`, `bitLengthPlusOne`, `lowestSetBitPlusTwo` and `firstNonzeroIntNumPlusTwo`,
/// all 0 ("not computed yet", also the meaning of 0 in JDK 8's `bitCount`… fields), so a JDK 17
/// peer writes the same bytes for a value whose caches it has not filled. Reading ignores the
/// caches, whatever their names.
public struct JavaBigInteger: HessianObjectCodable, Hashable, Sendable, CustomStringConvertible,
  ExpressibleByIntegerLiteral
{
  /// -1 for a negative value, 0 for zero, 1 for a positive value.
  public let signum: Int32
  /// The magnitude's 32-bit words, most significant first, without leading zero words (empty for
  /// zero), as Java's `mag` holds them.
  public let magnitude: [UInt32]

  /// Creates a value from Java's representation.
  /// - Parameters:
  ///   - signum: -1, 0 or 1.
  ///   - magnitude: The magnitude's words, most significant first; leading zero words are dropped.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when
  ///   `signum` is not -1, 0 or 1, or disagrees with whether the magnitude is zero.
  public init(signum: Int32, magnitude: [UInt32]) throws {
    try self.init(signum: signum, magnitude: magnitude, offset: 0)
  }

  /// Creates the value of an integer of any width.
  public init(_ value: some BinaryInteger) {
    signum = value < 0 ? -1 : (value == 0 ? 0 : 1)
    magnitude = JavaMagnitude.words(of: value)
  }

  /// Creates a value from an integer literal.
  public init(integerLiteral value: Int64) {
    self.init(value)
  }

  /// Parses decimal text as Java's `new BigInteger(text)` does: an optional `+` or `-` followed by
  /// at least one ASCII digit.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) for any
  ///   other text.
  public init(_ text: String) throws {
    var bytes = Array(text.utf8)
    let isNegative = bytes.first == UInt8(ascii: "-")
    if isNegative || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
    guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
      throw HessianError(.invalidValue, "'\(text)' is not a decimal integer", offset: 0)
    }
    let words = JavaMagnitude.words(decimalDigits: bytes.map { $0 - UInt8(ascii: "0") })
    signum = words.isEmpty ? 0 : (isNegative ? -1 : 1)
    magnitude = words
  }

  init(signum: Int32, magnitude: [UInt32], offset: Int) throws {
    let words = JavaMagnitude.trimmed(magnitude)
    guard (-1...1).contains(signum), (signum == 0) == words.isEmpty else {
      throw HessianError(
        .invalidValue,
        "BigInteger signum \(signum) does not fit a magnitude of \(words.count) significant words",
        offset: offset
      )
    }
    self.signum = signum
    self.magnitude = words
  }

  /// The value as an `Int64`, or `nil` when it does not fit.
  public var int64Value: Int64? {
    guard magnitude.count <= 2 else { return nil }
    let unsigned = magnitude.reduce(UInt64(0)) { $0 << 32 | UInt64($1) }
    if signum < 0 {
      guard unsigned <= UInt64(Int64.max) + 1 else { return nil }
      return Int64(truncatingIfNeeded: 0 &- unsigned)
    }
    return Int64(exactly: unsigned)
  }

  /// The value in decimal, as Java's `toString()` writes it.
  public var description: String {
    (signum < 0 ? "-" : "") + JavaMagnitude.decimalString(magnitude)
  }

  /// `java.math.BigInteger` with its fields in the order a JDK 17 hessian-lite writes them.
  public static let hessianClass = HessianClassDefinition(
    className: "java.math.BigInteger",
    fieldNames: [
      "mag", "firstNonzeroIntNumPlusTwo", "lowestSetBitPlusTwo", "bitLengthPlusOne", "bitCountPlusOne", "signum",
    ]
  )

  /// Writes the object: `mag` as an `[int` array, the caches as 0, then `signum`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeListHeader(count: magnitude.count, type: "[int")
    for word in magnitude { encoder.writeInt(Int32(bitPattern: word)) }
    for _ in 0..<4 { encoder.writeInt(0) }
    encoder.writeInt(signum)
  }

  /// Reads a `java.math.BigInteger` object from its `signum` and `mag` fields.
  /// - Throws: ``HessianError/Code/invalidValue`` when they do not form a valid value.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var signum: Int32 = 0
    var magnitude: [UInt32] = []
    for field in header.fieldIndexes {
      switch field {
      case 0: magnitude = try decoder.decode([Int32].self).map { UInt32(bitPattern: $0) }
      case 5: signum = try decoder.decode(Int32.self)
      default: try decoder.skipValue()
      }
    }
    try self.init(signum: signum, magnitude: magnitude, offset: start)
  }
}
