/// A `java.time.LocalTime`: a time of day without date or zone, to the nanosecond.
///
/// On the wire it is hessian-lite's `LocalTimeHandle` with the int fields `nano`, `second`,
/// `minute`, `hour`.
public struct JavaLocalTime: HessianObjectCodable, Hashable, Sendable {
  /// The hour, 0 through 23.
  public let hour: Int32
  /// The minute, 0 through 59.
  public let minute: Int32
  /// The second, 0 through 59.
  public let second: Int32
  /// The nanosecond within the second, 0 through 999,999,999.
  public let nano: Int32

  /// Creates a time, checking it as `LocalTime.of(hour, minute, second, nano)` does.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when a field
  ///   is out of range.
  public init(hour: Int32, minute: Int32, second: Int32 = 0, nano: Int32 = 0) throws {
    try self.init(hour: hour, minute: minute, second: second, nano: nano, offset: 0)
  }

  init(hour: Int32, minute: Int32, second: Int32, nano: Int32, offset: Int) throws {
    try JavaTime.require(hour, in: 0...23, "hour", of: "LocalTime", offset: offset)
    try JavaTime.require(minute, in: 0...59, "minute", of: "LocalTime", offset: offset)
    try JavaTime.require(second, in: 0...59, "second", of: "LocalTime", offset: offset)
    try JavaTime.require(nano, in: JavaTime.nanosOfSecond, "nano", of: "LocalTime", offset: offset)
    self.hour = hour
    self.minute = minute
    self.second = second
    self.nano = nano
  }

  /// `LocalTimeHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass(
    "LocalTimeHandle",
    fields: ["nano", "second", "minute", "hour"]
  )

  /// Writes a `LocalTimeHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(nano)
    encoder.writeInt(second)
    encoder.writeInt(minute)
    encoder.writeInt(hour)
  }

  /// Reads a `LocalTimeHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when a field is out of range.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var (nano, second, minute, hour): (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
    for field in header.fieldIndexes {
      switch field {
      case 0: nano = try decoder.decode(Int32.self)
      case 1: second = try decoder.decode(Int32.self)
      case 2: minute = try decoder.decode(Int32.self)
      case 3: hour = try decoder.decode(Int32.self)
      default: try decoder.skipValue()
      }
    }
    try self.init(hour: hour, minute: minute, second: second, nano: nano, offset: start)
  }
}
