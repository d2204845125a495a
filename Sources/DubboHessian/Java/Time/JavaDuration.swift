/// A `java.time.Duration`: an amount of time in seconds and nanoseconds.
///
/// On the wire it is hessian-lite's `DurationHandle` with the fields `nanos` (int) and `seconds`
/// (long). As in Java, a negative duration has negative `seconds` and non-negative `nanos`
/// (-0.5 s is -1 s + 500,000,000 ns).
public struct JavaDuration: HessianObjectCodable, Hashable, Sendable {
  /// The whole seconds, rounded toward negative infinity.
  public let seconds: Int64
  /// The nanoseconds added to `seconds`, 0 through 999,999,999.
  public let nanos: Int32

  /// Creates a duration.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when `nanos`
  ///   is outside 0...999,999,999.
  public init(seconds: Int64, nanos: Int32 = 0) throws {
    try self.init(seconds: seconds, nanos: nanos, offset: 0)
  }

  init(seconds: Int64, nanos: Int32, offset: Int) throws {
    try JavaTime.require(nanos, in: JavaTime.nanosOfSecond, "nanos", of: "Duration", offset: offset)
    self.seconds = seconds
    self.nanos = nanos
  }

  /// `DurationHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("DurationHandle", fields: ["nanos", "seconds"])

  /// Writes a `DurationHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    JavaTime.encodeSecondsAndNanos(seconds, nanos, as: Self.hessianClass, to: &encoder)
  }

  /// Reads a `DurationHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when `nanos` is out of range.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let (seconds, nanos) = try JavaTime.decodeSecondsAndNanos(expecting: Self.hessianClass, from: &decoder)
    try self.init(seconds: seconds, nanos: nanos, offset: start)
  }
}
