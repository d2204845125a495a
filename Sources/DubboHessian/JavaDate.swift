import Foundation

/// Conversions between Foundation's `Date` and `java.util.Date`'s milliseconds since 1970 UTC.
@usableFromInline
enum JavaDate {
  @usableFromInline
  static func milliseconds(of date: Date) -> Int64 {
    let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
    return Int64(exactly: milliseconds) ?? (milliseconds < 0 ? .min : .max)
  }

  @inlinable
  static func date(milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }
}
