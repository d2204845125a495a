extension JavaZoneOffset: JavaTextRepresentable {
  /// Parses an offset as `ZoneOffset.of(text)` does: `Z`, or a sign followed by `h`, `hh`,
  /// `hh:mm`, `hhmm`, `hh:mm:ss` or `hhmmss` (`+01:00`, `-08:00`, `+05:30:45`), within ±18:00.
  /// - Parameter javaText: The text, such as `ZoneOffset.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, for any other text or an offset beyond ±18:00.
  public init(javaText: String) throws {
    guard let seconds = Self.parse(javaText) else { throw JavaTimeText.invalid(javaText, as: "ZoneOffset") }
    try self.init(totalSeconds: seconds)
  }

  /// The offset as `ZoneOffset.toString()` writes it, its ``id``: `Z` for zero, else `+hh:mm` or
  /// `+hh:mm:ss`.
  public var javaText: String { id }
}
