extension JavaYearMonth: JavaTextRepresentable {
  /// Parses a year-month as `YearMonth.parse(text)` does: a year as
  /// ``JavaLocalDate/init(javaText:)`` reads it, `-` and a two-digit month (`2024-01`, `-0005-03`,
  /// `+12345-01`).
  ///
  /// Like Java, this does not read the text ``javaText`` writes for a year above 9999
  /// (`12345-01`): the parser wants a `+` there that `YearMonth.toString()` leaves out.
  /// - Parameter javaText: The text.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed or a field is out of range.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "YearMonth") { text in
      guard let year = text.isoYear(), text.skip("-"), let month = text.digits(2) else { return nil }
      try JavaTime.require(year, in: JavaTimeText.years, "year", of: "YearMonth", offset: 0)
      return try JavaYearMonth(year: Int32(year), month: month)
    }
  }

  /// The year-month as `YearMonth.toString()` writes it: the year with at least 4 digits (and no
  /// `+` above 9999), `-` and the two-digit month (`2024-01`, `-0005-11`, `12345-01`).
  public var javaText: String {
    JavaTimeText.year(Int64(year), plusBeyond9999: false) + "-" + JavaTimeText.padded(month, width: 2)
  }
}
