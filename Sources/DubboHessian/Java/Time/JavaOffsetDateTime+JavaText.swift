extension JavaOffsetDateTime: JavaTextRepresentable {
  /// Parses an offset date-time as `OffsetDateTime.parse(text)` does
  /// (`DateTimeFormatter.ISO_OFFSET_DATE_TIME`): a local date-time as
  /// ``JavaLocalDateTime/init(javaText:)`` reads it, then `Z` (or `z`) or an offset `+HH`,
  /// `+HH:mm` or `+HH:mm:ss` (`2024-01-02T10:15:30+01:00`, `2024-01-02T10:15:30Z`).
  /// - Parameter javaText: The text, such as `OffsetDateTime.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed, a field is out of range or the offset is beyond ±18:00.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "OffsetDateTime") { text in
      guard let dateTime = try text.localDateTime(), let offset = try text.offset(minutesOptional: true) else {
        return nil
      }
      return JavaOffsetDateTime(dateTime: dateTime, offset: offset)
    }
  }

  /// The offset date-time as `OffsetDateTime.toString()` writes it: the local date-time's text and
  /// the offset's id (`2024-01-02T10:15:30+01:00`, `2024-01-02T10:15Z`).
  public var javaText: String {
    dateTime.javaText + offset.id
  }
}
