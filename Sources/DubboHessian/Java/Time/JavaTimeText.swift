/// What the ISO-8601 text forms of the java.time values share: a cursor over the text's UTF-8
/// bytes that reads the pieces of Java's ISO formatters (fixed-width digits, signed years,
/// fractions of a second, offsets), the formatting counterparts, and proleptic-calendar arithmetic.
///
/// The readers return `nil` when the text does not have the expected form (the position is then
/// unspecified: a failed read ends the parse), and throw the range errors of the value types'
/// initialisers. ``parse(_:as:_:)`` turns both into one error that names the type and the text.
struct JavaTimeText {
  private let bytes: [UInt8]
  /// The index in the UTF-8 bytes of the next byte to read.
  private var position = 0

  private init(_ text: String) {
    bytes = Array(text.utf8)
  }

  /// Reads `text` as the java.time class `type` with `read`, which must consume all of it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when `read`
  ///   returns `nil`, leaves text over or throws (its message then follows the text's).
  static func parse<Value>(
    _ text: String,
    as type: String,
    _ read: (inout JavaTimeText) throws -> Value?
  ) throws -> Value {
    var cursor = JavaTimeText(text)
    let value: Value?
    do {
      value = try read(&cursor)
    } catch let error as HessianError {
      throw invalid(text, as: type, because: error.message)
    }
    guard let value, cursor.isAtEnd else { throw invalid(text, as: type) }
    return value
  }

  /// The error for `text` that is not a valid `type` (a java.time class name).
  static func invalid(_ text: String, as type: String, because reason: String? = nil) -> HessianError {
    let message = "Text '\(text)' cannot be parsed as java.time.\(type)"
    return HessianError(.invalidValue, reason.map { message + ": " + $0 } ?? message, offset: 0)
  }

  /// The reason given when a number overflows Java's `int` or `long` arithmetic.
  static let overflow = HessianError(.invalidValue, "the amount overflows", offset: 0)

  // MARK: Reading

  /// Whether all of the text has been read.
  var isAtEnd: Bool { position == bytes.count }

  /// Whether `character` comes next (exactly).
  func peek(_ character: Unicode.Scalar) -> Bool {
    position < bytes.count && bytes[position] == UInt8(ascii: character)
  }

  /// Skips `character` if it comes next; a letter matches either case when `anyCase` is set (as
  /// after `parseCaseInsensitive()`).
  mutating func skip(_ character: Unicode.Scalar, anyCase: Bool = false) -> Bool {
    guard position < bytes.count else { return false }
    let expected = UInt8(ascii: character)
    guard bytes[position] == expected || (anyCase && bytes[position] | 0x20 == expected | 0x20) else { return false }
    position += 1
    return true
  }

  /// Skips `+` or `-` if one comes next and returns it.
  mutating func sign() -> Unicode.Scalar? {
    if skip("+") { return "+" }
    if skip("-") { return "-" }
    return nil
  }

  /// The ASCII digit at `index` (`DecimalStyle.STANDARD` knows no other digits).
  private func digit(at index: Int) -> Int32? {
    guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
    return Int32(bytes[index] - UInt8(ascii: "0"))
  }

  /// Reads up to `limit` digits, returning their value and how many there were.
  mutating func digits(upTo limit: Int) -> (value: Int64, count: Int) {
    let start = position
    var value: Int64 = 0
    while position - start < limit, let digit = digit(at: position) {
      value = value * 10 + Int64(digit)
      position += 1
    }
    return (value, position - start)
  }

  /// Reads exactly `count` digits (`appendValue(field, count)`).
  mutating func digits(_ count: Int) -> Int32? {
    let (value, read) = digits(upTo: count)
    return read == count ? Int32(value) : nil
  }

  /// Reads a year as `appendValue(YEAR, 4, 10, SignStyle.EXCEEDS_PAD)` does in strict parsing:
  /// 4 to 10 digits, a `+` exactly when there are more than 4, a `-` never before zero.
  mutating func isoYear() -> Int64? {
    let sign = sign()
    let (value, count) = digits(upTo: 10)
    guard count >= 4 else { return nil }
    switch sign {
    case "+": return count > 4 ? value : nil
    case "-": return value != 0 ? -value : nil
    default: return count == 4 ? value : nil
    }
  }

  /// Reads up to 9 fraction digits (none is allowed) and returns them as nanoseconds.
  mutating func fractionDigits() -> Int32 {
    var (value, count) = digits(upTo: 9)
    while count < 9 {
      value *= 10
      count += 1
    }
    return Int32(value)
  }

  /// Reads `appendFraction(NANO_OF_SECOND, 0, 9, true)`: nothing, or `.` and up to 9 digits;
  /// returns the nanoseconds.
  mutating func fraction() -> Int32 {
    skip(".") ? fractionDigits() : 0
  }

  /// Reads an offset as `appendOffsetId()` does after `parseCaseInsensitive()`: `Z` or `z`, or a
  /// sign, two-digit hours, `:mm` and optionally `:ss`. With `minutesOptional` (the lenient
  /// parsing of `ISO_OFFSET_DATE_TIME`) the hours may also stand alone.
  /// - Throws: The range error of ``JavaZoneOffset`` for an offset beyond ±18:00.
  mutating func offset(minutesOptional: Bool = false) throws -> JavaZoneOffset? {
    if skip("Z", anyCase: true) { return .utc }
    guard let sign = sign(), let hours = digits(2) else { return nil }
    var (minutes, seconds): (Int32, Int32) = (0, 0)
    if let value = colonAndMinuteOrSecond() {
      minutes = value
      seconds = colonAndMinuteOrSecond() ?? 0
    } else if !minutesOptional {
      return nil
    }
    let total = hours * 3600 + minutes * 60 + seconds
    return try JavaZoneOffset(totalSeconds: sign == "-" ? -total : total)
  }

  /// Reads `:` and two digits up to 59, or nothing.
  private mutating func colonAndMinuteOrSecond() -> Int32? {
    let start = position
    guard skip(":"), let value = digits(2), value <= 59 else {
      position = start
      return nil
    }
    return value
  }

  /// Reads `[-+]?[0-9]+` as `Long.parseLong` does; `nil` also when the value is beyond `Int64`.
  mutating func signedInteger() -> Int64? {
    let negative = sign() == "-"
    let start = position
    var value: Int64 = 0  // accumulated negatively, to reach Int64.min
    while let digit = digit(at: position) {
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
      let (next, borrow) = shifted.subtractingReportingOverflow(Int64(digit))
      guard !overflow, !borrow else { return nil }
      value = next
      position += 1
    }
    guard position > start, negative || value != .min else { return nil }
    return negative ? value : -value
  }

  /// Reads up to `terminator` and skips it, returning the text before it.
  mutating func text(upTo terminator: Unicode.Scalar) -> String? {
    guard let end = bytes[position...].firstIndex(of: UInt8(ascii: terminator)) else { return nil }
    defer { position = end + 1 }
    return String(decoding: bytes[position..<end], as: UTF8.self)
  }

  // MARK: Writing

  /// `value` (not negative) in decimal, zero-padded to `width` digits.
  static func padded(_ value: some BinaryInteger, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }

  /// A year as `LocalDate.toString()` writes it: at least 4 digits, `-` before negative years and,
  /// with `plusBeyond9999`, `+` before years above 9999.
  static func year(_ year: Int64, plusBeyond9999: Bool) -> String {
    if year.magnitude < 1000 { return (year < 0 ? "-" : "") + padded(year.magnitude, width: 4) }
    return (plusBeyond9999 && year > 9999 ? "+" : "") + String(year)
  }

  /// A fraction of a second as `LocalTime.toString()` and `ISO_INSTANT` write it: nothing for 0,
  /// else `.` and 3, 6 or 9 digits, the fewest that hold `nanos`.
  static func fraction(_ nanos: Int32) -> String {
    if nanos == 0 { return "" }
    if nanos % 1_000_000 == 0 { return "." + padded(nanos / 1_000_000, width: 3) }
    if nanos % 1000 == 0 { return "." + padded(nanos / 1000, width: 6) }
    return "." + padded(nanos, width: 9)
  }

  // MARK: Calendar

  /// Days from 1970-01-01 to a date of the proleptic ISO calendar (`LocalDate.toEpochDay()`).
  static func epochDay(year: Int64, month: Int32, day: Int32) -> Int64 {
    let (month, day) = (Int64(month), Int64(day))
    var total = 365 * year
    if year >= 0 {
      total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
    } else {
      total -= year / -4 - year / -100 + year / -400
    }
    total += (367 * month - 362) / 12 + day - 1
    if month > 2 {
      total -= year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 1 : 2
    }
    return total - 719_528
  }

  /// The date `epochDay` days from 1970-01-01 (`LocalDate.ofEpochDay`).
  static func date(epochDay: Int64) -> (year: Int64, month: Int32, day: Int32) {
    let daysPerCycle: Int64 = 146_097
    var zeroDay = epochDay + 719_528 - 60  // days from 0000-03-01
    var adjust: Int64 = 0
    if zeroDay < 0 {
      let cycles = (zeroDay + 1) / daysPerCycle - 1
      adjust = cycles * 400
      zeroDay -= cycles * daysPerCycle
    }
    func dayOfYear(_ year: Int64) -> Int64 { zeroDay - (365 * year + year / 4 - year / 100 + year / 400) }
    var year = (400 * zeroDay + 591) / daysPerCycle
    var marchDay = dayOfYear(year)
    if marchDay < 0 {
      year -= 1
      marchDay = dayOfYear(year)
    }
    let marchMonth = (marchDay * 5 + 2) / 153
    let month = (marchMonth + 2) % 12 + 1
    let day = marchDay - (marchMonth * 306 + 5) / 10 + 1
    return (year + adjust + marchMonth / 10, Int32(month), Int32(day))
  }
}
