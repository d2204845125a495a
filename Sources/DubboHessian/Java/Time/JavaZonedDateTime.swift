/// A `java.time.ZonedDateTime`: a date-time in a time zone, with the offset in force then.
///
/// On the wire it is hessian-lite's `ZonedDateTimeHandle` with the fields `offset` (a nested
/// `ZoneOffsetHandle`), `dateTime` (a nested `LocalDateTimeHandle`) and `zoneId` (a string). Java
/// rebuilds it with `ZonedDateTime.ofLocal(dateTime, ZoneId.of(zoneId), offset)`, which keeps the
/// offset only when it is valid for the zone at that date-time.
public struct JavaZonedDateTime: HessianObjectCodable, Hashable, Sendable {
  /// The local date-time.
  public var dateTime: JavaLocalDateTime
  /// The offset from UTC.
  public var offset: JavaZoneOffset
  /// The time zone.
  public var zone: JavaZoneId

  /// Creates a zoned date-time.
  public init(dateTime: JavaLocalDateTime, offset: JavaZoneOffset, zone: JavaZoneId) {
    self.dateTime = dateTime
    self.offset = offset
    self.zone = zone
  }

  /// `ZonedDateTimeHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass(
    "ZonedDateTimeHandle",
    fields: ["offset", "dateTime", "zoneId"]
  )

  /// Writes a `ZonedDateTimeHandle` holding the nested handles and the zone id.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.encode(offset)
    encoder.encode(dateTime)
    encoder.writeString(zone.id)
  }

  /// Reads a `ZonedDateTimeHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when a part is null, absent or invalid.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var offset: JavaZoneOffset?
    var dateTime: JavaLocalDateTime?
    var zoneId: String?
    for field in header.fieldIndexes {
      switch field {
      case 0: offset = try decoder.decode(JavaZoneOffset?.self)
      case 1: dateTime = try decoder.decode(JavaLocalDateTime?.self)
      case 2: zoneId = try decoder.decode(String?.self)
      default: try decoder.skipValue()
      }
    }
    guard let dateTime else { throw JavaTime.missing("a date-time", of: decoder.className(of: header), offset: start) }
    guard let offset else { throw JavaTime.missing("an offset", of: decoder.className(of: header), offset: start) }
    guard let zoneId else { throw JavaTime.missing("a zone id", of: decoder.className(of: header), offset: start) }
    self.init(dateTime: dateTime, offset: offset, zone: try JavaZoneId(zoneId, offset: start))
  }
}
