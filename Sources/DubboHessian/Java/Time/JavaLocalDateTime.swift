/// A `java.time.LocalDateTime`: a date and a time of day without zone.
///
/// On the wire it is hessian-lite's `LocalDateTimeHandle` with the fields `time` (a nested
/// `LocalTimeHandle`) and `date` (a nested `LocalDateHandle`).
public struct JavaLocalDateTime: HessianObjectCodable, Hashable, Sendable {
  /// The date.
  public var date: JavaLocalDate
  /// The time of day.
  public var time: JavaLocalTime

  /// Creates a date-time.
  public init(date: JavaLocalDate, time: JavaLocalTime) {
    self.date = date
    self.time = time
  }

  /// `LocalDateTimeHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("LocalDateTimeHandle", fields: ["time", "date"])

  /// Writes a `LocalDateTimeHandle` holding the two nested handles.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.encode(time)
    encoder.encode(date)
  }

  /// Reads a `LocalDateTimeHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when the date or the time is null, absent or
  ///   invalid.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var time: JavaLocalTime?
    var date: JavaLocalDate?
    for field in header.fieldIndexes {
      switch field {
      case 0: time = try decoder.decode(JavaLocalTime?.self)
      case 1: date = try decoder.decode(JavaLocalDate?.self)
      default: try decoder.skipValue()
      }
    }
    guard let date else { throw JavaTime.missing("a date", of: decoder.className(of: header), offset: start) }
    guard let time else { throw JavaTime.missing("a time", of: decoder.className(of: header), offset: start) }
    self.init(date: date, time: time)
  }
}
