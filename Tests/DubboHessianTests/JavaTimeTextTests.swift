import DubboHessian
import Testing

/// The ISO-8601 text forms of the java.time values. Every expected string was printed by Java 17:
/// `X.parse(input).toString()` for the parse cases, `toString()` of the same value for the
/// formatting cases, and a `DateTimeException` for the rejected inputs.
@Suite struct JavaTimeTextTests {
  /// A java.time class name and the Swift type's text round trip through it.
  enum Kind: String, Sendable, CaseIterable {
    case localDate = "LocalDate"
    case localTime = "LocalTime"
    case localDateTime = "LocalDateTime"
    case offsetDateTime = "OffsetDateTime"
    case offsetTime = "OffsetTime"
    case zonedDateTime = "ZonedDateTime"
    case instant = "Instant"
    case duration = "Duration"
    case period = "Period"
    case year = "Year"
    case yearMonth = "YearMonth"
    case monthDay = "MonthDay"
    case zoneId = "ZoneId"
    case zoneOffset = "ZoneOffset"

    /// Parses `text` as this type and writes the value's text again.
    func reformat(_ text: String) throws -> String {
      switch self {
      case .localDate: try JavaLocalDate(javaText: text).javaText
      case .localTime: try JavaLocalTime(javaText: text).javaText
      case .localDateTime: try JavaLocalDateTime(javaText: text).javaText
      case .offsetDateTime: try JavaOffsetDateTime(javaText: text).javaText
      case .offsetTime: try JavaOffsetTime(javaText: text).javaText
      case .zonedDateTime: try JavaZonedDateTime(javaText: text).javaText
      case .instant: try JavaInstant(javaText: text).javaText
      case .duration: try JavaDuration(javaText: text).javaText
      case .period: try JavaPeriod(javaText: text).javaText
      case .year: try JavaYear(javaText: text).javaText
      case .yearMonth: try JavaYearMonth(javaText: text).javaText
      case .monthDay: try JavaMonthDay(javaText: text).javaText
      case .zoneId: try JavaZoneId(javaText: text).javaText
      case .zoneOffset: try JavaZoneOffset(javaText: text).javaText
      }
    }
  }

  /// Inputs Java parses, with `toString()` of the result (the input itself when it is omitted).
  static let javaParses: [(Kind, String, String?)] = [
    (.localDate, "2024-01-02", nil), (.localDate, "+12345-01-02", nil), (.localDate, "-0001-01-01", nil),
    (.localDate, "0000-01-01", nil), (.localDate, "2024-02-29", nil), (.localDate, "+999999999-12-31", nil),
    (.localDate, "-999999999-01-01", nil), (.localDate, "-00001-01-01", "-0001-01-01"),
    (.localDate, "+02024-01-01", "2024-01-01"),

    (.localTime, "10:15", nil), (.localTime, "10:15:30", nil), (.localTime, "10:15:30.1", "10:15:30.100"),
    (.localTime, "10:15:30.123456789", nil), (.localTime, "10:15:30.1234", "10:15:30.123400"),
    (.localTime, "10:15:30.", "10:15:30"), (.localTime, "00:00:00.000", "00:00"), (.localTime, "23:59:59", nil),

    (.localDateTime, "2024-01-02T10:15:30", nil), (.localDateTime, "2024-01-02t10:15", "2024-01-02T10:15"),
    (.localDateTime, "+12345-12-31T23:59:59.999999999", nil),

    (.offsetDateTime, "2024-01-02T10:15:30+01:00", nil), (.offsetDateTime, "2024-01-02T10:15:30Z", nil),
    (.offsetDateTime, "2024-01-02T10:15:30z", "2024-01-02T10:15:30Z"),
    (.offsetDateTime, "2024-01-02T10:15:30+01", "2024-01-02T10:15:30+01:00"),
    (.offsetDateTime, "2024-01-02T10:15:30+01:00:30", nil), (.offsetDateTime, "2024-01-02T10:15:30+18:00", nil),
    (.offsetDateTime, "2024-01-02T10:15:30-00:00", "2024-01-02T10:15:30Z"),
    (.offsetDateTime, "2024-01-02T10:15-08:00", nil),

    (.offsetTime, "10:15:30+01:00", nil), (.offsetTime, "10:15Z", nil), (.offsetTime, "10:15z", "10:15Z"),
    (.offsetTime, "10:15+01:00:30", nil), (.offsetTime, "10:15:30.5-08:00", "10:15:30.500-08:00"),

    (.zonedDateTime, "2024-01-02T10:15:30+01:00[Europe/Paris]", nil),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00", nil), (.zonedDateTime, "2024-01-02T10:15:30Z[UTC]", nil),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[UTC]", "2024-01-02T09:15:30Z[UTC]"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[+02:00]", "2024-01-02T11:15:30+02:00"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[+01:00]", "2024-01-02T10:15:30+01:00"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[UTC+01:00]", nil),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[Z]", "2024-01-02T09:15:30Z"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[GMT0]", "2024-01-02T09:15:30Z[GMT0]"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[UTC+00:00]", "2024-01-02T09:15:30Z[UTC]"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[GMT-02:30]", "2024-01-02T06:45:30-02:30[GMT-02:30]"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[UT]", "2024-01-02T09:15:30Z[UT]"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00:01", nil),
    (.zonedDateTime, "2024-01-02T23:15:30-05:00[+05:00]", "2024-01-03T09:15:30+05:00"),
    (.zonedDateTime, "2024-01-02T10:15:30+01[Europe/Paris]", "2024-01-02T10:15:30+01:00[Europe/Paris]"),

    (.instant, "2024-01-02T10:15:30Z", nil), (.instant, "2024-01-02T10:15:30.5Z", "2024-01-02T10:15:30.500Z"),
    (.instant, "2024-01-02t10:15:30z", "2024-01-02T10:15:30Z"),
    (.instant, "2024-01-02T10:15:30+01:00", "2024-01-02T09:15:30Z"),
    (.instant, "2024-01-02T24:00:00Z", "2024-01-03T00:00:00Z"),
    (.instant, "2024-12-31T23:59:60Z", "2024-12-31T23:59:59Z"),
    (.instant, "2024-12-31T23:59:60.5Z", "2024-12-31T23:59:59.500Z"),
    (.instant, "2024-01-02T10:15:30.Z", "2024-01-02T10:15:30Z"),
    (.instant, "-1000000000-01-01T00:00:00Z", nil), (.instant, "+1000000000-12-31T23:59:59.999999999Z", nil),

    (.duration, "PT8H6M12.345S", nil), (.duration, "P2DT3H", "PT51H"), (.duration, "-PT6H3M", "PT-6H-3M"),
    (.duration, "PT-6H3M", "PT-5H-57M"), (.duration, "PT0S", nil), (.duration, "pt1h", "PT1H"),
    (.duration, "PT1.S", "PT1S"), (.duration, "PT1,5S", "PT1.5S"), (.duration, "PT-0.5S", nil),
    (.duration, "-PT-0.5S", "PT0.5S"), (.duration, "P-1D", "PT-24H"), (.duration, "+PT1H", "PT1H"),
    (.duration, "PT+1.5S", "PT1.5S"), (.duration, "PT0.000000001S", nil),
    (.duration, "PT9223372036854775807S", "PT2562047788015215H30M7S"),
    (.duration, "PT-9223372036854775808S", "PT-2562047788015215H-30M-8S"),
    (.duration, "-PT-9223372036854775807.5S", "PT2562047788015215H30M7.5S"),

    (.period, "P1Y2M3D", nil), (.period, "P4W", "P28D"), (.period, "-P1Y2M", "P-1Y-2M"), (.period, "P0D", nil),
    (.period, "p1y", "P1Y"), (.period, "P1Y2W3D", "P1Y17D"), (.period, "P-1Y+2M", "P-1Y2M"),
    (.period, "P2147483647Y", nil),

    (.year, "2024", nil), (.year, "+2024", "2024"), (.year, "-0", "0"), (.year, "12345", nil),
    (.year, "0002024", "2024"), (.year, "-999999999", nil),

    (.yearMonth, "2024-01", nil), (.yearMonth, "+12345-01", "12345-01"), (.yearMonth, "-0005-03", nil),

    (.monthDay, "--01-02", nil), (.monthDay, "--02-29", nil), (.monthDay, "--12-31", nil),

    (.zoneId, "Europe/Paris", nil), (.zoneId, "UTC", nil), (.zoneId, "+01:00", nil), (.zoneId, "+1", "+01:00"),
    (.zoneId, "Z", nil), (.zoneId, "-00:00", "Z"), (.zoneId, "+0100", "+01:00"), (.zoneId, "UTC+1", "UTC+01:00"),
    (.zoneId, "UTC+0", "UTC"), (.zoneId, "GMT-00:00", "GMT"), (.zoneId, "UT+01:30", nil), (.zoneId, "GMT0", nil),
    (.zoneId, "UTC+01:00:00", "UTC+01:00"),

    (.zoneOffset, "Z", nil), (.zoneOffset, "+01:00", nil), (.zoneOffset, "-08:00", nil),
    (.zoneOffset, "+05:30:45", nil), (.zoneOffset, "+0", "Z"), (.zoneOffset, "-00:00", "Z"),
    (.zoneOffset, "+18:00", nil), (.zoneOffset, "+01:00:00", "+01:00"),
  ]

  /// Inputs Java's `parse` (for ZoneId and ZoneOffset: `of`) rejects.
  static let javaRejects: [(Kind, String)] = [
    (.localDate, "12345-01-02"), (.localDate, "+2024-01-02"), (.localDate, "-0000-01-01"),
    (.localDate, "2024-13-01"), (.localDate, "2023-02-29"), (.localDate, "2024-04-31"), (.localDate, "2024-00-10"),
    (.localDate, "2024-01-00"), (.localDate, "2024-01-32"), (.localDate, "2024-1-02"), (.localDate, "2024-01-2"),
    (.localDate, " 2024-01-02"), (.localDate, "2024-01-02x"), (.localDate, "+1000000000-01-01"),
    (.localDate, "999-01-01"), (.localDate, "２０２４-01-02"), (.localDate, "+0-01-01"), (.localDate, ""),

    (.localTime, "10:15:30.1234567891"), (.localTime, "10:15:30,1"), (.localTime, "24:00"),
    (.localTime, "23:60"), (.localTime, "23:59:60"), (.localTime, "1:15"), (.localTime, "10:15:"),
    (.localTime, "10:15:3"), (.localTime, "10"),

    (.localDateTime, "2024-01-02 10:15"), (.localDateTime, "2024-01-02T24:00"), (.localDateTime, "2024-01-02"),
    (.localDateTime, "2024-02-30T10:15"),

    (.offsetDateTime, "2024-01-02T10:15:30+0100"), (.offsetDateTime, "2024-01-02T10:15:30+18:01"),
    (.offsetDateTime, "2024-01-02T10:15:30+24:00"), (.offsetDateTime, "2024-01-02T10:15:30+1"),
    (.offsetDateTime, "2024-01-02T10:15:30+01:60"), (.offsetDateTime, "2024-01-02T10:15:30"),
    (.offsetDateTime, "2024-01-02T10:15:30+01:00:5"),

    (.offsetTime, "10:15+01"), (.offsetTime, "10:15"), (.offsetTime, "25:15Z"),

    (.zonedDateTime, "2024-01-02T10:15:30+01:00[UTC+1]"), (.zonedDateTime, "2024-01-02T10:15:30+01:00[+1]"),
    (.zonedDateTime, "2024-01-02T10:15:30[Europe/Paris]"), (.zonedDateTime, "2024-01-02T10:15:30+01:00[Europe/Paris"),
    (.zonedDateTime, "2024-01-02T10:15:30+01:00[]"), (.zonedDateTime, "2024-01-02T10:15:30+01:00[UTC0]"),

    (.instant, "2024-01-02T10:15Z"), (.instant, "2024-01-02T10:15:30+01"), (.instant, "2024-01-02T24:00:01Z"),
    (.instant, "2024-12-31T22:59:60Z"), (.instant, "-1000000000-01-01T00:00:00+00:01"),
    (.instant, "+1000000001-01-01T00:00:00Z"), (.instant, "2024-01-02T10:15:30"), (.instant, "2023-02-29T00:00:00Z"),

    (.duration, "P"), (.duration, "PT"), (.duration, "P1DT"), (.duration, "PT1.1234567891S"),
    (.duration, "-PT-9223372036854775808S"), (.duration, "PT9223372036854775808S"), (.duration, "P1W"),
    (.duration, "P1Y"), (.duration, "PT1H1H"), (.duration, "PT1M1H"), (.duration, "PT1.5M"), (.duration, "PT1.-5S"),
    (.duration, "P106751991167301D"), (.duration, "PT1S "),

    (.period, "P"), (.period, "-P-2147483648Y"), (.period, "P306783379W"), (.period, "P1D2Y"), (.period, "PT1D"),
    (.period, "P1.5D"), (.period, "P2147483648D"),

    (.year, "1234567890"), (.year, "20 24"), (.year, "-1000000000"), (.year, ""), (.year, "+"),

    (.yearMonth, "12345-01"), (.yearMonth, "2024-13"), (.yearMonth, "2024-1"),

    (.monthDay, "--02-30"), (.monthDay, "--04-31"), (.monthDay, "--13-01"), (.monthDay, "01-02"),
    (.monthDay, "--1-02"),

    (.zoneId, "z"), (.zoneId, "+18:30"), (.zoneId, "1abc"), (.zoneId, "A"), (.zoneId, ""), (.zoneId, "UTC+"),

    (.zoneOffset, "+18:00:01"), (.zoneOffset, "z"), (.zoneOffset, "01:00"), (.zoneOffset, "+1:00"),
  ]

  @Test(arguments: javaParses)
  func parsesWhatJavaParses(kind: Kind, text: String, javaText: String?) throws {
    #expect(try kind.reformat(text) == javaText ?? text)
  }

  @Test(arguments: javaRejects)
  func rejectsWhatJavaRejects(kind: Kind, text: String) {
    let error = #expect(throws: HessianError.self) { try kind.reformat(text) }
    #expect(error?.code == .invalidValue)
    #expect(error?.offset == 0)
    #expect(error?.message.contains("'\(text)'") == true, "names the text")
    #expect(error?.message.contains("java.time.\(kind.rawValue)") == true, "names the type")
  }

  @Test func outOfRangeErrorsSayWhichField() {
    let error = #expect(throws: HessianError.self) { try JavaLocalDate(javaText: "2024-13-01") }
    #expect(
      error?.message
        == "Text '2024-13-01' cannot be parsed as java.time.LocalDate: LocalDate month 13 is outside 1...12")
  }

  @Test func localDatesAndTimesFormatLikeJava() throws {
    let dates: [((Int32, Int32, Int32), String)] = [
      ((2024, 1, 2), "2024-01-02"), ((12345, 1, 1), "+12345-01-01"), ((10000, 1, 1), "+10000-01-01"),
      ((9999, 1, 1), "9999-01-01"), ((0, 1, 1), "0000-01-01"), ((-5, 1, 1), "-0005-01-01"),
      ((-12345, 1, 1), "-12345-01-01"), ((999_999_999, 12, 31), "+999999999-12-31"),
    ]
    for ((year, month, day), text) in dates {
      #expect(try JavaLocalDate(year: year, month: month, day: day).javaText == text)
    }
    let times: [((Int32, Int32, Int32, Int32), String)] = [
      ((10, 15, 0, 0), "10:15"), ((10, 15, 0, 1), "10:15:00.000000001"), ((10, 15, 30, 100_000_000), "10:15:30.100"),
      ((10, 15, 30, 123_400_000), "10:15:30.123400"), ((10, 15, 30, 123_456_700), "10:15:30.123456700"),
      ((0, 0, 5, 0), "00:00:05"),
    ]
    for ((hour, minute, second, nano), text) in times {
      #expect(try JavaLocalTime(hour: hour, minute: minute, second: second, nano: nano).javaText == text)
    }
    let dateTime = JavaLocalDateTime(
      date: try JavaLocalDate(year: 2024, month: 1, day: 2),
      time: try JavaLocalTime(hour: 10, minute: 15, second: 30)
    )
    #expect(dateTime.javaText == "2024-01-02T10:15:30")
    let paris = JavaZonedDateTime(
      dateTime: dateTime, offset: try JavaZoneOffset(id: "+01:00"), zone: try JavaZoneId("Europe/Paris"))
    #expect(paris.javaText == "2024-01-02T10:15:30+01:00[Europe/Paris]")
    #expect(
      JavaZonedDateTime(dateTime: dateTime, offset: .utc, zone: try JavaZoneId("UTC")).javaText
        == "2024-01-02T10:15:30Z[UTC]")
    #expect(
      JavaZonedDateTime(dateTime: dateTime, offset: .utc, zone: try JavaZoneId("Z")).javaText == "2024-01-02T10:15:30Z")
    let plusOne = JavaZonedDateTime(
      dateTime: dateTime, offset: try JavaZoneOffset(id: "+01:00"), zone: try JavaZoneId("+1"))
    #expect(plusOne.javaText == "2024-01-02T10:15:30+01:00")
    #expect(JavaOffsetTime(time: dateTime.time, offset: try JavaZoneOffset(id: "+01")).javaText == "10:15:30+01:00")
    #expect(JavaOffsetDateTime(dateTime: dateTime, offset: .utc).javaText == "2024-01-02T10:15:30Z")
  }

  @Test func instantsFormatLikeIsoInstant() throws {
    let instants: [((Int64, Int32), String)] = [
      ((0, 0), "1970-01-01T00:00:00Z"), ((0, 1000), "1970-01-01T00:00:00.000001Z"),
      ((0, 1), "1970-01-01T00:00:00.000000001Z"), ((0, 120_000_000), "1970-01-01T00:00:00.120Z"),
      ((-31_557_014_167_219_200, 0), "-1000000000-01-01T00:00:00Z"),
      ((31_556_889_864_403_199, 999_999_999), "+1000000000-12-31T23:59:59.999999999Z"),
      ((-62_167_219_201, 0), "-0001-12-31T23:59:59Z"), ((253_402_300_800, 0), "+10000-01-01T00:00:00Z"),
      ((1_704_190_530, 0), "2024-01-02T10:15:30Z"),
    ]
    for ((seconds, nanos), text) in instants {
      #expect(try JavaInstant(seconds: seconds, nanos: nanos).javaText == text)
    }
  }

  @Test func durationsFormatLikeJava() throws {
    let durations: [((Int64, Int32), String)] = [
      ((-1, 500_000_000), "PT-0.5S"), ((-2, 500_000_000), "PT-1.5S"), ((90, 0), "PT1M30S"), ((172_800, 0), "PT48H"),
      ((0, 0), "PT0S"), ((-21_780, 0), "PT-6H-3M"), ((0, 1), "PT0.000000001S"), ((3600, 1000), "PT1H0.000001S"),
      ((.min, 0), "PT-2562047788015215H-30M-8S"), ((.max, 999_999_999), "PT2562047788015215H30M7.999999999S"),
      ((.min, 1), "PT-2562047788015215H-30M-7.999999999S"),
    ]
    for ((seconds, nanos), text) in durations {
      #expect(try JavaDuration(seconds: seconds, nanos: nanos).javaText == text)
    }
    #expect(try JavaDuration(javaText: "-PT0.5S") == JavaDuration(seconds: -1, nanos: 500_000_000))
  }

  @Test func amountsAndPartialDatesFormatLikeJava() throws {
    #expect(JavaPeriod().javaText == "P0D")
    #expect(JavaPeriod(years: 1, months: -2, days: 3).javaText == "P1Y-2M3D")
    #expect(JavaPeriod(days: 28).javaText == "P28D")
    #expect(try JavaYear(-5).javaText == "-5")
    #expect(try JavaYear(12345).javaText == "12345")
    #expect(try JavaYearMonth(year: 12345, month: 1).javaText == "12345-01")
    #expect(try JavaYearMonth(year: -5, month: 11).javaText == "-0005-11")
    #expect(try JavaYearMonth(year: -12345, month: 11).javaText == "-12345-11")
    #expect(try JavaMonthDay(month: 2, day: 29).javaText == "--02-29")
    #expect(JavaZoneOffset.utc.javaText == "Z")
    #expect(try JavaZoneOffset(totalSeconds: 5 * 3600 + 30 * 60 + 45).javaText == "+05:30:45")
    #expect(try JavaZoneOffset(totalSeconds: -(5 * 3600 + 30 * 60 + 45)).javaText == "-05:30:45")
    #expect(try JavaZoneId("UTC+1").javaText == "UTC+01:00")
    #expect(try JavaZoneId(javaText: "UTC+1").id == "UTC+01:00")
  }

  @Test func parsedValuesHoldJavasFields() throws {
    let zoned = try JavaZonedDateTime(javaText: "2024-01-02T23:15:30.25-05:00[+05:00]")
    #expect(zoned.dateTime.date == (try JavaLocalDate(year: 2024, month: 1, day: 3)))
    #expect(zoned.dateTime.time == (try JavaLocalTime(hour: 9, minute: 15, second: 30, nano: 250_000_000)))
    #expect(zoned.offset.totalSeconds == 18_000)
    #expect(zoned.zone.id == "+05:00")
    #expect(try JavaInstant(javaText: "1970-01-01T00:00:00.000000001Z") == JavaInstant(seconds: 0, nanos: 1))
    #expect(try JavaInstant(javaText: "1969-12-31T23:59:59.5Z") == JavaInstant(seconds: -1, nanos: 500_000_000))
    #expect(try JavaPeriod(javaText: "-P1Y2W") == JavaPeriod(years: -1, days: -14))
    #expect(try JavaDuration(javaText: "P1DT-1S") == JavaDuration(seconds: 86_399))
  }
}
