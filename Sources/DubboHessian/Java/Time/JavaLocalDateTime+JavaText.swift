extension JavaLocalDateTime: JavaTextRepresentable {
  /// Parses a date-time as `LocalDateTime.parse(text)` does
  /// (`DateTimeFormatter.ISO_LOCAL_DATE_TIME`): a date as ``JavaLocalDate/init(javaText:)`` reads
  /// it, `T` (or `t`), and a time as ``JavaLocalTime/init(javaText:)`` reads it
  /// (`2024-01-02T10:15:30`).
  /// - Parameter javaText: The text, such as `LocalDateTime.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed or a field is out of range.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "LocalDateTime") { try $0.localDateTime() }
  }

  /// The date-time as `LocalDateTime.toString()` writes it: the date's and the time's text joined
  /// by `T` (`2024-01-02T10:15`, `2024-01-02T10:15:30.500`).
  public var javaText: String {
    date.javaText + "T" + time.javaText
  }
}

extension JavaTimeText {
  /// Reads `ISO_LOCAL_DATE_TIME`: ``localDate()``, `T` in either case, ``localTime()``.
  /// - Throws: The range errors of the date and the time.
  mutating func localDateTime() throws -> JavaLocalDateTime? {
    guard let date = try localDate(), skip("T", anyCase: true), let time = try localTime() else { return nil }
    return JavaLocalDateTime(date: date, time: time)
  }
}
