/// A `java.time.Year` of the proleptic ISO calendar.
///
/// On the wire it is hessian-lite's `YearHandle` with the int field `year`.
public struct JavaYear: HessianObjectCodable, Hashable, Sendable {
  /// The year, -999,999,999 through 999,999,999.
  public let value: Int32

  /// Creates a year.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when `value`
  ///   is outside Java's range.
  public init(_ value: Int32) throws {
    try self.init(value, offset: 0)
  }

  init(_ value: Int32, offset: Int) throws {
    try JavaTime.require(value, in: JavaTime.years, "year", of: "Year", offset: offset)
    self.value = value
  }

  /// `YearHandle` with its field `year`.
  public static let hessianClass = JavaTime.handleClass("YearHandle", fields: ["year"])

  /// Writes a `YearHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(value)
  }

  /// Reads a `YearHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when the year is outside Java's range.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let (year, _) = try decoder.readSingleFieldObject(expecting: Self.hessianClass, as: Int32.self)
    try self.init(year ?? 0, offset: start)
  }
}
