/// A `java.time.MonthDay`: a day of a month in any year (February 29 included).
///
/// On the wire it is hessian-lite's `MonthDayHandle` with the int fields `day`, `month`.
public struct JavaMonthDay: HessianObjectCodable, Hashable, Sendable {
  /// The month, 1 through 12.
  public let month: Int32
  /// The day of the month, 1 through the month's longest length.
  public let day: Int32

  /// Creates a month-day, checking it as `MonthDay.of(month, day)` does.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when the
  ///   month is out of range or the day does not exist in it.
  public init(month: Int32, day: Int32) throws {
    try self.init(month: month, day: day, offset: 0)
  }

  init(month: Int32, day: Int32, offset: Int) throws {
    try JavaTime.require(month, in: JavaTime.months, "month", of: "MonthDay", offset: offset)
    try JavaTime.requireDay(day, month: month, year: nil, of: "MonthDay", offset: offset)
    self.month = month
    self.day = day
  }

  /// `MonthDayHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("MonthDayHandle", fields: ["day", "month"])

  /// Writes a `MonthDayHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(day)
    encoder.writeInt(month)
  }

  /// Reads a `MonthDayHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when the fields do not form a valid month-day.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var (day, month): (Int32, Int32) = (0, 0)
    for field in header.fieldIndexes {
      switch field {
      case 0: day = try decoder.decode(Int32.self)
      case 1: month = try decoder.decode(Int32.self)
      default: try decoder.skipValue()
      }
    }
    try self.init(month: month, day: day, offset: start)
  }
}
