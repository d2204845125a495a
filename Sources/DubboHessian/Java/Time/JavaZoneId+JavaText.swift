extension JavaZoneId: JavaTextRepresentable {
  /// Parses a zone id as `ZoneId.of(text)` does, keeping the id that `ZoneId.getId()` then gives:
  /// offsets are normalised as ``JavaZoneOffset`` writes them (`+1` → `+01:00`, `-00:00` → `Z`),
  /// and so are the offsets after `UTC`, `GMT` and `UT` (`UTC+1` → `UTC+01:00`, `GMT+00:00` →
  /// `GMT`); region ids (`Europe/Paris`) are kept as written.
  ///
  /// Only the syntax is checked: whether a region exists depends on the peer's time-zone database.
  /// - Parameter javaText: The text, such as `ZoneId.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when `ZoneId.of` would reject its syntax (see ``init(_:)``) or an offset beyond ±18:00.
  public init(javaText: String) throws {
    guard let zone = try? JavaZoneId(javaText) else { throw JavaTimeText.invalid(javaText, as: "ZoneId") }
    self = try JavaZoneId(zone.javaText)
  }

  /// The id as `ZoneId.toString()` writes it for the zone `ZoneId.of(id)`: ``id`` with its offset,
  /// if it has one, normalised (`Europe/Paris`, `UTC`, `Z`, `+01:00`, `UTC+01:00`).
  public var javaText: String {
    guard let fixed = fixedOffset else { return id }
    if fixed.seconds == 0 && !fixed.prefix.isEmpty { return fixed.prefix }
    return fixed.prefix + ((try? JavaZoneOffset(totalSeconds: fixed.seconds))?.id ?? "")
  }

  /// For an id that `ZoneId.of` resolves without a time-zone database, an offset id (prefix empty)
  /// or `UTC`, `GMT` or `UT` with an optional offset: the prefix and the offset in seconds.
  var fixedOffset: (prefix: String, seconds: Int32)? {
    if id.utf8.count <= 1 || id.hasPrefix("+") || id.hasPrefix("-") {
      return JavaZoneOffset.parse(id).map { ("", $0) }
    }
    guard let prefix = ["UTC", "GMT", "UT"].first(where: { id.hasPrefix($0) }) else { return nil }
    let offset = id.dropFirst(prefix.count)
    if offset.isEmpty { return (prefix, 0) }
    guard offset.hasPrefix("+") || offset.hasPrefix("-") else { return nil }
    return JavaZoneOffset.parse(String(offset)).map { (prefix, $0) }
  }
}
