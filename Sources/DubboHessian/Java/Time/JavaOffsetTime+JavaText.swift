extension JavaOffsetTime: JavaTextRepresentable {
  /// Parses an offset time as `OffsetTime.parse(text)` does (`DateTimeFormatter.ISO_OFFSET_TIME`):
  /// a time as ``JavaLocalTime/init(javaText:)`` reads it, then `Z` (or `z`) or an offset `+HH:mm`
  /// or `+HH:mm:ss` (`10:15:30+01:00`, `10:15Z`).
  /// - Parameter javaText: The text, such as `OffsetTime.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed, a field is out of range or the offset is beyond ±18:00.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "OffsetTime") { text in
      guard let time = try text.localTime(), let offset = try text.offset() else { return nil }
      return JavaOffsetTime(time: time, offset: offset)
    }
  }

  /// The offset time as `OffsetTime.toString()` writes it: the local time's text and the offset's
  /// id (`10:15:30+01:00`, `10:15Z`).
  public var javaText: String {
    time.javaText + offset.id
  }
}
