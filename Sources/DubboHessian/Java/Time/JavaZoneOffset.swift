/// A `java.time.ZoneOffset`: a fixed offset from UTC, from -18:00 to +18:00.
///
/// On the wire it is hessian-lite's `ZoneOffsetHandle` with the int field `seconds`.
public struct JavaZoneOffset: HessianObjectCodable, Hashable, Sendable {
  /// The offset in seconds, -64,800 through 64,800.
  public let totalSeconds: Int32

  /// UTC (`ZoneOffset.UTC`, id `Z`).
  public static let utc = JavaZoneOffset(checkedTotalSeconds: 0)

  private static let limit: Int32 = 18 * 3600

  /// Creates an offset, checking it as `ZoneOffset.ofTotalSeconds` does.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when it is
  ///   beyond ±18 hours.
  public init(totalSeconds: Int32) throws {
    try self.init(totalSeconds: totalSeconds, offset: 0)
  }

  /// Parses an offset id as `ZoneOffset.of` does: `Z`, or a sign followed by `h`, `hh`, `hh:mm`,
  /// `hhmm`, `hh:mm:ss` or `hhmmss`.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) for any other
  ///   text or an offset beyond ±18 hours.
  public init(id: String) throws {
    guard let seconds = Self.parse(id) else {
      throw HessianError(.invalidValue, "'\(id)' is not a zone offset", offset: 0)
    }
    try self.init(totalSeconds: seconds)
  }

  init(totalSeconds: Int32, offset: Int) throws {
    try JavaTime.require(totalSeconds, in: -Self.limit...Self.limit, "seconds", of: "ZoneOffset", offset: offset)
    self.totalSeconds = totalSeconds
  }

  private init(checkedTotalSeconds: Int32) {
    totalSeconds = checkedTotalSeconds
  }

  /// The id as `ZoneOffset.getId()` writes it: `Z`, `+hh:mm` or `+hh:mm:ss`.
  public var id: String {
    guard totalSeconds != 0 else { return "Z" }
    let magnitude = totalSeconds.magnitude
    func twoDigits(_ value: UInt32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    var id = (totalSeconds < 0 ? "-" : "+") + twoDigits(magnitude / 3600) + ":" + twoDigits(magnitude / 60 % 60)
    if magnitude % 60 != 0 { id += ":" + twoDigits(magnitude % 60) }
    return id
  }

  /// The signed seconds of an offset id, or `nil` when the syntax is not one `ZoneOffset.of` takes.
  static func parse(_ id: String) -> Int32? {
    if id == "Z" { return 0 }
    let bytes = Array(id.utf8)
    guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int32? {
      let digits = bytes[range]
      guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
      return digits.reduce(0) { $0 * 10 + Int32($1 - UInt8(ascii: "0")) }
    }
    func separator(at index: Int) -> Bool { bytes[index] == UInt8(ascii: ":") }
    let parts: (hours: Int32?, minutes: Int32?, seconds: Int32?)
    switch bytes.count {
    case 2: parts = (number(1..<2), 0, 0)
    case 3: parts = (number(1..<3), 0, 0)
    case 5: parts = (number(1..<3), number(3..<5), 0)
    case 6 where separator(at: 3): parts = (number(1..<3), number(4..<6), 0)
    case 7: parts = (number(1..<3), number(3..<5), number(5..<7))
    case 9 where separator(at: 3) && separator(at: 6): parts = (number(1..<3), number(4..<6), number(7..<9))
    default: return nil
    }
    guard let hours = parts.hours, let minutes = parts.minutes, let seconds = parts.seconds,
      hours <= 18, minutes <= 59, seconds <= 59, hours * 3600 + minutes * 60 + seconds <= limit
    else { return nil }
    let total = hours * 3600 + minutes * 60 + seconds
    return sign == UInt8(ascii: "-") ? -total : total
  }

  /// `ZoneOffsetHandle` with its field `seconds`.
  public static let hessianClass = JavaTime.handleClass("ZoneOffsetHandle", fields: ["seconds"])

  /// Writes a `ZoneOffsetHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(totalSeconds)
  }

  /// Reads a `ZoneOffsetHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when the offset is beyond ±18 hours.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let (seconds, _) = try decoder.readSingleFieldObject(expecting: Self.hessianClass, as: Int32.self)
    try self.init(totalSeconds: seconds ?? 0, offset: start)
  }
}
