extension JavaInstant: JavaTextRepresentable {
  /// Parses an instant as `Instant.parse(text)` does (`DateTimeFormatter.ISO_INSTANT`): a date as
  /// ``JavaLocalDate/init(javaText:)`` reads it, `T`, `HH:mm:ss` (the seconds are required), up to 9
  /// fraction digits, and `Z` or an offset `+HH:mm[:ss]` that is subtracted
  /// (`2024-01-02T10:15:30Z`, `2024-01-02T10:15:30.5Z`, `2024-01-02T11:15:30+01:00`). As in Java,
  /// `24:00:00` is midnight of the next day, and a leap second `23:59:60` is read as `23:59:59`.
  /// - Parameter javaText: The text, such as `Instant.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed, a field is out of range or the instant is outside Java's range.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "Instant") { text in
      guard let year = text.isoYear(), text.skip("-"), let month = text.digits(2), text.skip("-"),
        let day = text.digits(2), text.skip("T", anyCase: true), let hour = text.digits(2), text.skip(":"),
        let minute = text.digits(2), text.skip(":"), var second = text.digits(2)
      else { return nil }
      let nano = text.fraction()
      guard let offset = try text.offset() else { return nil }
      var (hourOfDay, nextDay): (Int32, Int64) = (hour, 0)
      if hour == 24 && minute == 0 && second == 0 && nano == 0 {
        (hourOfDay, nextDay) = (0, 1)
      } else if hour == 23 && minute == 59 && second == 60 {
        second = 59
      }
      try JavaTime.require(year, in: -1_000_000_000...1_000_000_000, "year", of: "Instant", offset: 0)
      try JavaTime.require(month, in: JavaTime.months, "month", of: "Instant", offset: 0)
      try JavaTime.requireDay(day, month: month, year: Int32(year), of: "Instant", offset: 0)
      try JavaTime.require(hourOfDay, in: 0...23, "hour", of: "Instant", offset: 0)
      try JavaTime.require(minute, in: 0...59, "minute", of: "Instant", offset: 0)
      try JavaTime.require(second, in: 0...59, "second", of: "Instant", offset: 0)
      let days = JavaTimeText.epochDay(year: year, month: month, day: day) + nextDay
      let secondOfDay = Int64(hourOfDay) * 3600 + Int64(minute) * 60 + Int64(second)
      return try JavaInstant(seconds: days * 86_400 + secondOfDay - Int64(offset.totalSeconds), nanos: nano)
    }
  }

  /// The instant as `Instant.toString()` (`DateTimeFormatter.ISO_INSTANT`) writes it: the UTC date
  /// as `LocalDate.toString()` writes it, `T`, `HH:mm:ss`, the nanoseconds as 3, 6 or 9 fraction
  /// digits unless they are 0, and `Z` (`1970-01-01T00:00:00Z`, `1970-01-01T00:00:00.000001Z`,
  /// `+10000-01-01T00:00:00Z`).
  public var javaText: String {
    var (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
    if secondOfDay < 0 {
      days -= 1
      secondOfDay += 86_400
    }
    let date = JavaTimeText.date(epochDay: days)
    return JavaTimeText.year(date.year, plusBeyond9999: true) + "-" + JavaTimeText.padded(date.month, width: 2) + "-"
      + JavaTimeText.padded(date.day, width: 2) + "T" + JavaTimeText.padded(secondOfDay / 3600, width: 2) + ":"
      + JavaTimeText.padded(secondOfDay / 60 % 60, width: 2) + ":" + JavaTimeText.padded(secondOfDay % 60, width: 2)
      + JavaTimeText.fraction(nanos) + "Z"
  }
}
