/// A `java.time.Period`: an amount of years, months and days (each any int, signs independent).
///
/// On the wire it is hessian-lite's `PeriodHandle` with the int fields `days`, `months`, `years`.
public struct JavaPeriod: HessianObjectCodable, Hashable, Sendable {
  /// The years.
  public var years: Int32
  /// The months.
  public var months: Int32
  /// The days.
  public var days: Int32

  /// Creates a period.
  public init(years: Int32 = 0, months: Int32 = 0, days: Int32 = 0) {
    self.years = years
    self.months = months
    self.days = days
  }

  /// `PeriodHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("PeriodHandle", fields: ["days", "months", "years"])

  /// Writes a `PeriodHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(days)
    encoder.writeInt(months)
    encoder.writeInt(years)
  }

  /// Reads a `PeriodHandle`.
  public init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    self.init()
    for field in header.fieldIndexes {
      switch field {
      case 0: days = try decoder.decode(Int32.self)
      case 1: months = try decoder.decode(Int32.self)
      case 2: years = try decoder.decode(Int32.self)
      default: try decoder.skipValue()
      }
    }
  }
}
