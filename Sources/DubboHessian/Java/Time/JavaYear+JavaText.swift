extension JavaYear: JavaTextRepresentable {
  /// Parses a year as `Year.parse(text)` does (leniently): an optional sign and 1 to 9 digits
  /// (`2024`, `-5`, `+2024`, `12345`).
  /// - Parameter javaText: The text, such as `Year.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, for any other text.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "Year") { text in
      let negative = text.sign() == "-"
      let (value, count) = text.digits(upTo: 9)
      guard count > 0 else { return nil }
      return try JavaYear(Int32(negative ? -value : value))
    }
  }

  /// The year as `Year.toString()` writes it: the number in decimal (`2024`, `-5`, `12345`).
  public var javaText: String { String(value) }
}
