/// A `java.time.YearMonth`: a month of a given year.
///
/// On the wire it is hessian-lite's `YearMonthHandle` with the int fields `month`, `year`.
public struct JavaYearMonth: HessianObjectCodable, Hashable, Sendable {
  /// The year, -999,999,999 through 999,999,999.
  public let year: Int32
  /// The month, 1 through 12.
  public let month: Int32

  /// Creates a year-month, checking it as `YearMonth.of(year, month)` does.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when a field
  ///   is out of range.
  public init(year: Int32, month: Int32) throws {
    try self.init(year: year, month: month, offset: 0)
  }

  init(year: Int32, month: Int32, offset: Int) throws {
    try JavaTime.require(year, in: JavaTime.years, "year", of: "YearMonth", offset: offset)
    try JavaTime.require(month, in: JavaTime.months, "month", of: "YearMonth", offset: offset)
    self.year = year
    self.month = month
  }

  /// `YearMonthHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("YearMonthHandle", fields: ["month", "year"])

  /// Writes a `YearMonthHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(month)
    encoder.writeInt(year)
  }

  /// Reads a `YearMonthHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when a field is out of range.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var (month, year): (Int32, Int32) = (0, 0)
    for field in header.fieldIndexes {
      switch field {
      case 0: month = try decoder.decode(Int32.self)
      case 1: year = try decoder.decode(Int32.self)
      default: try decoder.skipValue()
      }
    }
    try self.init(year: year, month: month, offset: start)
  }
}
