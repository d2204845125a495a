extension JavaLocalTime: JavaTextRepresentable {
  /// Parses a time as `LocalTime.parse(text)` does (`DateTimeFormatter.ISO_LOCAL_TIME`, strict):
  /// `HH:mm`, `HH:mm:ss` or `HH:mm:ss.` followed by up to 9 fraction digits (`10:15`,
  /// `10:15:30`, `10:15:30.1`, `10:15:30.123456789`).
  /// - Parameter javaText: The text, such as `LocalTime.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed or a field is out of range (hour 24, minute 60…).
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "LocalTime") { try $0.localTime() }
  }

  /// The time as `LocalTime.toString()` writes it: `HH:mm`, with `:ss` unless the seconds and
  /// nanoseconds are 0, and the nanoseconds as 3, 6 or 9 fraction digits unless they are 0
  /// (`10:15`, `10:15:30`, `10:15:30.100`, `10:15:00.000000001`).
  public var javaText: String {
    var text = JavaTimeText.padded(hour, width: 2) + ":" + JavaTimeText.padded(minute, width: 2)
    if second > 0 || nano > 0 {
      text += ":" + JavaTimeText.padded(second, width: 2) + JavaTimeText.fraction(nano)
    }
    return text
  }
}

extension JavaTimeText {
  /// Reads `ISO_LOCAL_TIME`: `HH:mm`, optionally followed by `:ss` and a fraction (``fraction()``).
  /// - Throws: The range errors of ``JavaLocalTime``.
  mutating func localTime() throws -> JavaLocalTime? {
    guard let hour = digits(2), skip(":"), let minute = digits(2) else { return nil }
    var (second, nano): (Int32, Int32) = (0, 0)
    if skip(":") {
      guard let value = digits(2) else { return nil }
      second = value
      nano = fraction()
    }
    return try JavaLocalTime(hour: hour, minute: minute, second: second, nano: nano)
  }
}
