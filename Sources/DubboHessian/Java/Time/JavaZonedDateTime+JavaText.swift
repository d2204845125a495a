extension JavaZonedDateTime: JavaTextRepresentable {
  /// Parses a zoned date-time as `ZonedDateTime.parse(text)` does
  /// (`DateTimeFormatter.ISO_ZONED_DATE_TIME`): an offset date-time as
  /// ``JavaOffsetDateTime/init(javaText:)`` reads it, optionally followed by a zone id in brackets
  /// (`2024-01-02T10:15:30+01:00[Europe/Paris]`, `2024-01-02T10:15:30+01:00`). Without the
  /// brackets the zone is the offset.
  ///
  /// Java then moves the date-time to the offset the zone's rules give at that instant. This is
  /// done here for the zones that need no time-zone database (offsets, `UTC`, `GMT`, `UT` with an
  /// optional offset, `GMT0`): `2024-01-02T10:15:30+01:00[UTC]` becomes
  /// `2024-01-02T09:15:30Z[UTC]`. A region zone keeps the offset as written, and only the syntax of
  /// its id is checked.
  /// - Parameter javaText: The text, such as `ZonedDateTime.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed, a field is out of range or the offset is beyond ±18:00.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "ZonedDateTime") { text in
      guard var dateTime = try text.localDateTime(), var offset = try text.offset(minutesOptional: true) else {
        return nil
      }
      var zone = try JavaZoneId(offset.id)
      if text.skip("[") {
        guard let id = text.text(upTo: "]"), let bracketed = Self.zone(inBrackets: id) else { return nil }
        zone = bracketed
        let fixedSeconds = zone.id == "GMT0" ? 0 : zone.fixedOffset?.seconds
        if let fixedSeconds, fixedSeconds != offset.totalSeconds {
          dateTime = try dateTime.adding(seconds: Int64(fixedSeconds) - Int64(offset.totalSeconds))
          offset = try JavaZoneOffset(totalSeconds: fixedSeconds)
        }
      }
      return JavaZonedDateTime(dateTime: dateTime, offset: offset, zone: zone)
    }
  }

  /// The zoned date-time as `ZonedDateTime.toString()` writes it: the local date-time's text, the
  /// offset's id and, unless the zone is that offset, the zone's id in brackets
  /// (`2024-01-02T10:15:30+01:00[Europe/Paris]`, `2024-01-02T10:15:30Z[UTC]`,
  /// `2024-01-02T10:15:30Z`).
  public var javaText: String {
    let zoneText = zone.javaText
    return dateTime.javaText + offset.id + (zoneText == offset.id ? "" : "[" + zoneText + "]")
  }

  /// The zone in `[…]` as `appendZoneRegionId()` reads it (case-sensitively): `Z`, `GMT0`, an
  /// offset `+HH:mm[:ss]`, `UTC`, `GMT` or `UT` optionally followed by such an offset, or a region.
  private static func zone(inBrackets text: String) -> JavaZoneId? {
    if text == "Z" || text == "GMT0" { return try? JavaZoneId(text) }
    let prefix = ["UTC", "GMT", "UT"].first { text.hasPrefix($0) } ?? ""
    let rest = text.dropFirst(prefix.count)
    if rest.isEmpty { return prefix.isEmpty ? nil : try? JavaZoneId(prefix) }
    guard rest.hasPrefix("+") || rest.hasPrefix("-") else { return prefix.isEmpty ? try? JavaZoneId(text) : nil }
    guard let offset = try? JavaTimeText.parse(String(rest), as: "ZoneOffset", { try $0.offset() }) else {
      return nil
    }
    return try? JavaZoneId(prefix.isEmpty ? offset.id : offset.totalSeconds == 0 ? prefix : prefix + offset.id)
  }
}

extension JavaLocalDateTime {
  /// This date-time moved by `seconds`.
  /// - Throws: The range error of ``JavaLocalDate`` when the year leaves Java's range.
  fileprivate func adding(seconds: Int64) throws -> JavaLocalDateTime {
    let total = Int64(time.hour) * 3600 + Int64(time.minute) * 60 + Int64(time.second) + seconds
    var (days, secondOfDay) = total.quotientAndRemainder(dividingBy: 86_400)
    if secondOfDay < 0 {
      days -= 1
      secondOfDay += 86_400
    }
    let epochDay = JavaTimeText.epochDay(year: Int64(date.year), month: date.month, day: date.day) + days
    let (year, month, day) = JavaTimeText.date(epochDay: epochDay)
    try JavaTime.require(year, in: JavaTimeText.years, "year", of: "LocalDate", offset: 0)
    return JavaLocalDateTime(
      date: try JavaLocalDate(year: Int32(year), month: month, day: day),
      time: try JavaLocalTime(
        hour: Int32(secondOfDay / 3600),
        minute: Int32(secondOfDay / 60 % 60),
        second: Int32(secondOfDay % 60),
        nano: time.nano
      )
    )
  }
}
