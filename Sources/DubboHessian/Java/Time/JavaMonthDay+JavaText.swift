extension JavaMonthDay: JavaTextRepresentable {
  /// Parses a month-day as `MonthDay.parse(text)` does: `--MM-dd` (`--01-02`, `--02-29`).
  /// - Parameter javaText: The text, such as `MonthDay.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed or the day does not exist in the month (`--02-30`, `--04-31`).
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "MonthDay") { text in
      guard text.skip("-"), text.skip("-"), let month = text.digits(2), text.skip("-"), let day = text.digits(2) else {
        return nil
      }
      return try JavaMonthDay(month: month, day: day)
    }
  }

  /// The month-day as `MonthDay.toString()` writes it: `--MM-dd` (`--02-29`).
  public var javaText: String {
    "--" + JavaTimeText.padded(month, width: 2) + "-" + JavaTimeText.padded(day, width: 2)
  }
}
