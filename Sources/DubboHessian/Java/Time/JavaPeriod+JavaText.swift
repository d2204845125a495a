extension JavaPeriod: JavaTextRepresentable {
  /// Parses a period as `Period.parse(text)` does: an optional sign, `P`, then at least one of
  /// years `nY`, months `nM`, weeks `nW` and days `nD` in that order, each amount with its own
  /// optional sign and letters in either case (`P1Y2M3D`, `P4W`, `-P1Y2M`). Weeks are added to the
  /// days as 7 days each; a leading `-` negates every amount.
  /// - Parameter javaText: The text, such as `Period.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed or an amount overflows Java's `int`.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "Period") { text in
      let negate: Int32 = text.sign() == "-" ? -1 : 1
      guard text.skip("P", anyCase: true) else { return nil }
      let units: [Unicode.Scalar] = ["Y", "M", "W", "D"]
      var amounts: [Int32] = [0, 0, 0, 0]  // years, months, weeks, days
      var next = 0
      repeat {
        guard let value = text.signedInteger().flatMap(Int32.init(exactly:)),
          let unit = units[next...].firstIndex(where: { text.skip($0, anyCase: true) })
        else { return nil }
        let (amount, overflow) = value.multipliedReportingOverflow(by: negate)
        guard !overflow else { throw JavaTimeText.overflow }
        amounts[unit] = amount
        next = unit + 1
      } while !text.isAtEnd
      let (weekDays, weekOverflow) = amounts[2].multipliedReportingOverflow(by: 7)
      let (days, dayOverflow) = amounts[3].addingReportingOverflow(weekDays)
      guard !weekOverflow, !dayOverflow else { throw JavaTimeText.overflow }
      return JavaPeriod(years: amounts[0], months: amounts[1], days: days)
    }
  }

  /// The period as `Period.toString()` writes it: `P0D` for zero, else `P` and the years `nY`,
  /// months `nM` and days `nD` that are not 0, each with its own sign (`P1Y2M3D`, `P-1Y-2M`).
  public var javaText: String {
    if years == 0 && months == 0 && days == 0 { return "P0D" }
    return "P" + (years != 0 ? "\(years)Y" : "") + (months != 0 ? "\(months)M" : "") + (days != 0 ? "\(days)D" : "")
  }
}
