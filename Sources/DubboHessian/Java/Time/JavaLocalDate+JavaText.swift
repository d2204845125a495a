extension JavaLocalDate: JavaTextRepresentable {
  /// Parses a date as `LocalDate.parse(text)` does (`DateTimeFormatter.ISO_LOCAL_DATE`, strict):
  /// `2024-01-02`, or a year of more than four digits with its sign (`+12345-01-02`), or a
  /// negative year (`-0005-01-01`).
  /// - Parameter javaText: The text, such as `LocalDate.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed or the date does not exist (month 13, February 30…).
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "LocalDate") { try $0.localDate() }
  }

  /// The date as `LocalDate.toString()` writes it: `2024-01-02`, `+12345-01-02`, `-0005-01-01`.
  public var javaText: String {
    JavaTimeText.year(Int64(year), plusBeyond9999: true) + "-" + JavaTimeText.padded(month, width: 2) + "-"
      + JavaTimeText.padded(day, width: 2)
  }
}

extension JavaTimeText {
  /// `Year.MIN_VALUE...Year.MAX_VALUE` as `Int64`, for years read with ``isoYear()``.
  static let years = Int64(JavaTime.years.lowerBound)...Int64(JavaTime.years.upperBound)

  /// Reads `ISO_LOCAL_DATE`: a year (``isoYear()``), `-`, a two-digit month, `-`, a two-digit day.
  /// - Throws: The range errors of ``JavaLocalDate`` for a date that does not exist.
  mutating func localDate() throws -> JavaLocalDate? {
    guard let year = isoYear(), skip("-"), let month = digits(2), skip("-"), let day = digits(2) else { return nil }
    try JavaTime.require(year, in: Self.years, "year", of: "LocalDate", offset: 0)
    return try JavaLocalDate(year: Int32(year), month: month, day: day)
  }
}
