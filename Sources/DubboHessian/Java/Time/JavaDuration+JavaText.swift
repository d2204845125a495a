extension JavaDuration: JavaTextRepresentable {
  /// Parses a duration as `Duration.parse(text)` does: an optional sign, `P`, optional days `nD`,
  /// and optionally `T` followed by at least one of hours `nH`, minutes `nM` and seconds `nS` (with
  /// up to 9 fraction digits after `.` or `,`), each amount with its own optional sign and letters
  /// in either case (`PT8H6M12.345S`, `P2DT3H`, `-PT6H3M`, `PT-6H3M`). A day is 24 hours.
  /// - Parameter javaText: The text, such as `Duration.toString()` writes it.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0), naming the
  ///   text, when it is malformed or the total overflows Java's `long` seconds.
  public init(javaText: String) throws {
    self = try JavaTimeText.parse(javaText, as: "Duration") { text in
      let negate = text.sign() == "-"
      guard text.skip("P", anyCase: true) else { return nil }
      var days: Int64?
      if !text.isAtEnd && !text.peek("T") && !text.peek("t") {
        guard let value = text.signedInteger(), text.skip("D", anyCase: true) else { return nil }
        days = value
      }
      var time: [Int64?] = [nil, nil, nil]  // hours, minutes, seconds
      var (fraction, negativeSeconds): (Int32, Bool) = (0, false)
      if text.skip("T", anyCase: true) {
        let units: [Unicode.Scalar] = ["H", "M", "S"]
        var next = 0
        repeat {
          let negative = text.peek("-")
          guard let value = text.signedInteger() else { return nil }
          let hasFraction = text.skip(".") || text.skip(",")
          if hasFraction { fraction = text.fractionDigits() }
          guard let unit = units[next...].firstIndex(where: { text.skip($0, anyCase: true) }),
            !hasFraction || unit == 2
          else { return nil }
          time[unit] = value
          if unit == 2 { negativeSeconds = negative }
          next = unit + 1
        } while !text.isAtEnd
      }
      guard days != nil || time.contains(where: { $0 != nil }) else { return nil }
      var seconds = try Self.sum(
        Self.product(days, 86_400),
        Self.sum(Self.product(time[0], 3600), Self.sum(Self.product(time[1], 60), time[2] ?? 0))
      )
      var nanos = negativeSeconds ? -fraction : fraction
      if nanos < 0 {
        seconds = try Self.sum(seconds, -1)
        nanos += 1_000_000_000
      }
      if negate {
        // -(seconds + nanos) is (-seconds - 1) + (1 s - nanos) when nanos > 0.
        guard nanos == 0 else { return try JavaDuration(seconds: ~seconds, nanos: 1_000_000_000 - nanos) }
        guard seconds != .min else { throw JavaTimeText.overflow }
        seconds = -seconds
      }
      return try JavaDuration(seconds: seconds, nanos: nanos)
    }
  }

  /// `(value ?? 0) * factor`, throwing where Java's `Math.multiplyExact` does.
  private static func product(_ value: Int64?, _ factor: Int64) throws -> Int64 {
    let (result, overflow) = (value ?? 0).multipliedReportingOverflow(by: factor)
    guard !overflow else { throw JavaTimeText.overflow }
    return result
  }

  /// `left + right`, throwing where Java's `Math.addExact` does.
  private static func sum(_ left: Int64, _ right: Int64) throws -> Int64 {
    let (result, overflow) = left.addingReportingOverflow(right)
    guard !overflow else { throw JavaTimeText.overflow }
    return result
  }

  /// The duration as `Duration.toString()` writes it: `PT`, then hours, minutes and seconds, each
  /// only when not 0 (the seconds also when nothing else is written), the seconds with the
  /// fraction's significant digits; a negative duration has the sign on each amount. Java never
  /// writes days (`PT0S`, `PT1M30S`, `PT48H`, `PT8H6M12.345S`, `PT-0.5S`, `PT-6H-3M`).
  public var javaText: String {
    let wholeSeconds = seconds < 0 && nanos > 0 ? seconds + 1 : seconds
    let hours = wholeSeconds / 3600
    let minutes = wholeSeconds % 3600 / 60
    let secondsOfMinute = wholeSeconds % 60
    var text = "PT"
    if hours != 0 { text += "\(hours)H" }
    if minutes != 0 { text += "\(minutes)M" }
    if secondsOfMinute == 0 && nanos == 0 && text.count > 2 { return text }
    text += seconds < 0 && nanos > 0 && secondsOfMinute == 0 ? "-0" : "\(secondsOfMinute)"
    if nanos > 0 {
      // 1 followed by the nine fraction digits, less its trailing zeros.
      var digits = String(seconds < 0 ? 2_000_000_000 - Int64(nanos) : 1_000_000_000 + Int64(nanos))
      while digits.hasSuffix("0") { digits.removeLast() }
      text += "." + digits.dropFirst()
    }
    return text + "S"
  }
}
