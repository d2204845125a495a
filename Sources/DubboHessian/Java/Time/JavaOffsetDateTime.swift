/// A `java.time.OffsetDateTime`: a date-time with a fixed offset from UTC.
///
/// On the wire it is hessian-lite's `OffsetDateTimeHandle` with the fields `offset` (a nested
/// `ZoneOffsetHandle`) and `dateTime` (a nested `LocalDateTimeHandle`).
public struct JavaOffsetDateTime: HessianObjectCodable, Hashable, Sendable {
  /// The local date-time.
  public var dateTime: JavaLocalDateTime
  /// The offset from UTC.
  public var offset: JavaZoneOffset

  /// Creates an offset date-time.
  public init(dateTime: JavaLocalDateTime, offset: JavaZoneOffset) {
    self.dateTime = dateTime
    self.offset = offset
  }

  /// `OffsetDateTimeHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("OffsetDateTimeHandle", fields: ["offset", "dateTime"])

  /// Writes an `OffsetDateTimeHandle` holding the nested handles.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.encode(offset)
    encoder.encode(dateTime)
  }

  /// Reads an `OffsetDateTimeHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when a part is null, absent or invalid.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var offset: JavaZoneOffset?
    var dateTime: JavaLocalDateTime?
    for field in header.fieldIndexes {
      switch field {
      case 0: offset = try decoder.decode(JavaZoneOffset?.self)
      case 1: dateTime = try decoder.decode(JavaLocalDateTime?.self)
      default: try decoder.skipValue()
      }
    }
    guard let dateTime else { throw JavaTime.missing("a date-time", of: decoder.className(of: header), offset: start) }
    guard let offset else { throw JavaTime.missing("an offset", of: decoder.className(of: header), offset: start) }
    self.init(dateTime: dateTime, offset: offset)
  }
}
