import DubboHessian
import Foundation
import SwiftProtobuf

extension HessianEncoder {
  /// Writes a timestamp as a `java.util.Date` (milliseconds; finer digits are dropped, as Java's
  /// `Date` has none).
  public mutating func writeDate(_ timestamp: Google_Protobuf_Timestamp) {
    writeDate(millisecondsSince1970: timestamp.javaMilliseconds)
  }

  /// Writes a timestamp as a `java.time.Instant`.
  public mutating func writeInstant(_ timestamp: Google_Protobuf_Timestamp) {
    do {
      encode(try JavaInstant(seconds: timestamp.seconds, nanos: timestamp.nanos))
    } catch {
      fail("\(timestamp) is not a java.time.Instant: \(error)")
    }
  }

  /// Writes a duration as a `java.time.Duration`.
  public mutating func writeDuration(_ duration: Google_Protobuf_Duration) {
    // Java keeps the nanoseconds non-negative, borrowing a second from a negative duration.
    let borrow = duration.nanos < 0 ? Int64(1) : 0
    do {
      encode(
        try JavaDuration(seconds: duration.seconds - borrow, nanos: duration.nanos + Int32(borrow) * 1_000_000_000))
    } catch {
      fail("\(duration) is not a java.time.Duration: \(error)")
    }
  }
}

extension HessianDecoder {
  /// Reads a `java.time.Instant` into a timestamp.
  public mutating func readInstant() throws -> Google_Protobuf_Timestamp {
    let instant = try decode(JavaInstant.self)
    return Google_Protobuf_Timestamp(seconds: instant.seconds, nanos: instant.nanos)
  }

  /// Reads a `java.time.Duration` into a duration.
  public mutating func readDuration() throws -> Google_Protobuf_Duration {
    let duration = try decode(JavaDuration.self)
    // protobuf gives nanoseconds the sign of the seconds.
    if duration.seconds < 0, duration.nanos > 0 {
      return Google_Protobuf_Duration(seconds: duration.seconds + 1, nanos: duration.nanos - 1_000_000_000)
    }
    return Google_Protobuf_Duration(seconds: duration.seconds, nanos: duration.nanos)
  }

}

extension Google_Protobuf_Timestamp {
  /// The timestamp of a `java.util.Date`.
  public init(javaMilliseconds milliseconds: Int64) {
    let (seconds, remainder) = milliseconds.quotientAndRemainder(dividingBy: 1000)
    self =
      remainder < 0
      ? Google_Protobuf_Timestamp(seconds: seconds - 1, nanos: Int32(remainder + 1000) * 1_000_000)
      : Google_Protobuf_Timestamp(seconds: seconds, nanos: Int32(remainder) * 1_000_000)
  }

  /// The milliseconds of the `java.util.Date` at this timestamp, rounded toward negative infinity.
  public var javaMilliseconds: Int64 {
    seconds &* 1000 &+ Int64(nanos / 1_000_000)
  }
}
