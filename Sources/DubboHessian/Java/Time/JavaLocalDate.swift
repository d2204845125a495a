/// A `java.time.LocalDate`: a date without time or zone in the proleptic ISO calendar.
///
/// On the wire it is hessian-lite's `LocalDateHandle` with the int fields `day`, `month`, `year`.
public struct JavaLocalDate: HessianObjectCodable, Hashable, Sendable {
  /// The year, -999,999,999 through 999,999,999.
  public let year: Int32
  /// The month of the year, 1 through 12.
  public let month: Int32
  /// The day of the month, 1 through the month's length.
  public let day: Int32

  /// Creates a date, checking it as `LocalDate.of(year, month, day)` does.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when a field
  ///   is out of range or the day does not exist in that month.
  public init(year: Int32, month: Int32, day: Int32) throws {
    try self.init(year: year, month: month, day: day, offset: 0)
  }

  init(year: Int32, month: Int32, day: Int32, offset: Int) throws {
    try JavaTime.require(year, in: JavaTime.years, "year", of: "LocalDate", offset: offset)
    try JavaTime.require(month, in: JavaTime.months, "month", of: "LocalDate", offset: offset)
    try JavaTime.requireDay(day, month: month, year: year, of: "LocalDate", offset: offset)
    self.year = year
    self.month = month
    self.day = day
  }

  /// `LocalDateHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("LocalDateHandle", fields: ["day", "month", "year"])

  /// Writes a `LocalDateHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(day)
    encoder.writeInt(month)
    encoder.writeInt(year)
  }

  /// Reads a `LocalDateHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when the fields do not form a valid date.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var (day, month, year): (Int32, Int32, Int32) = (0, 0, 0)
    for field in header.fieldIndexes {
      switch field {
      case 0: day = try decoder.decode(Int32.self)
      case 1: month = try decoder.decode(Int32.self)
      case 2: year = try decoder.decode(Int32.self)
      default: try decoder.skipValue()
      }
    }
    try self.init(year: year, month: month, day: day, offset: start)
  }
}
