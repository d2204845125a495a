/// A `java.time.OffsetTime`: a time of day with a fixed offset from UTC.
///
/// On the wire it is hessian-lite's `OffsetTimeHandle` with the fields `zoneOffset` (a nested
/// `ZoneOffsetHandle`) and `localTime` (a nested `LocalTimeHandle`).
public struct JavaOffsetTime: HessianObjectCodable, Hashable, Sendable {
  /// The local time of day.
  public var time: JavaLocalTime
  /// The offset from UTC.
  public var offset: JavaZoneOffset

  /// Creates an offset time.
  public init(time: JavaLocalTime, offset: JavaZoneOffset) {
    self.time = time
    self.offset = offset
  }

  /// `OffsetTimeHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("OffsetTimeHandle", fields: ["zoneOffset", "localTime"])

  /// Writes an `OffsetTimeHandle` holding the nested handles.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.encode(offset)
    encoder.encode(time)
  }

  /// Reads an `OffsetTimeHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when a part is null, absent or invalid.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var offset: JavaZoneOffset?
    var time: JavaLocalTime?
    for field in header.fieldIndexes {
      switch field {
      case 0: offset = try decoder.decode(JavaZoneOffset?.self)
      case 1: time = try decoder.decode(JavaLocalTime?.self)
      default: try decoder.skipValue()
      }
    }
    guard let time else { throw JavaTime.missing("a local time", of: decoder.className(of: header), offset: start) }
    guard let offset else { throw JavaTime.missing("a zone offset", of: decoder.className(of: header), offset: start) }
    self.init(time: time, offset: offset)
  }
}
