import Foundation

/// A `java.time.Instant`: a point on the time line, in seconds and nanoseconds since
/// 1970-01-01T00:00:00Z.
///
/// On the wire it is hessian-lite's `InstantHandle` with the fields `nanos` (int) and `seconds`
/// (long).
public struct JavaInstant: HessianObjectCodable, Hashable, Sendable {
  /// Seconds since 1970-01-01T00:00:00Z, within `Instant.MIN` and `Instant.MAX`
  /// (-31,557,014,167,219,200 through 31,556,889,864,403,199).
  public let seconds: Int64
  /// The nanosecond within the second, 0 through 999,999,999.
  public let nanos: Int32

  /// `Instant.MIN.getEpochSecond()...Instant.MAX.getEpochSecond()`.
  private static let epochSeconds: ClosedRange<Int64> = -31_557_014_167_219_200...31_556_889_864_403_199

  /// Creates an instant.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when a field
  ///   is outside Java's range.
  public init(seconds: Int64, nanos: Int32 = 0) throws {
    try self.init(seconds: seconds, nanos: nanos, offset: 0)
  }

  /// Creates the instant of a Foundation `Date`, to the nearest nanosecond that `Date`'s
  /// floating-point seconds resolve.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) for a date
  ///   outside Java's `Instant` range.
  public init(_ date: Date) throws {
    let interval = date.timeIntervalSince1970
    let whole = interval.rounded(.down)
    guard let wholeSeconds = Int64(exactly: whole) else {
      throw HessianError(.invalidValue, "\(date) is outside the range of a Java Instant", offset: 0)
    }
    let nanos = Int32(((interval - whole) * 1e9).rounded())
    if nanos == 1_000_000_000 {
      try self.init(seconds: wholeSeconds + 1, nanos: 0)
    } else {
      try self.init(seconds: wholeSeconds, nanos: nanos)
    }
  }

  init(seconds: Int64, nanos: Int32, offset: Int) throws {
    try JavaTime.require(seconds, in: Self.epochSeconds, "seconds", of: "Instant", offset: offset)
    try JavaTime.require(nanos, in: JavaTime.nanosOfSecond, "nanos", of: "Instant", offset: offset)
    self.seconds = seconds
    self.nanos = nanos
  }

  /// The instant as a Foundation `Date` (whose floating-point seconds may round the nanoseconds).
  public var date: Date {
    Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1e9)
  }

  /// `InstantHandle`, fields in the order hessian-lite writes them.
  public static let hessianClass = JavaTime.handleClass("InstantHandle", fields: ["nanos", "seconds"])

  /// Writes an `InstantHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    JavaTime.encodeSecondsAndNanos(seconds, nanos, as: Self.hessianClass, to: &encoder)
  }

  /// Reads an `InstantHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when a field is outside Java's range.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let (seconds, nanos) = try JavaTime.decodeSecondsAndNanos(expecting: Self.hessianClass, from: &decoder)
    try self.init(seconds: seconds, nanos: nanos, offset: start)
  }
}
