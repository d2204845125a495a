import DubboHessian
import Foundation
import NIOCore
import Testing

@Suite struct JavaTimeEncodingTests {
  static let package = "com.alibaba.com.caucho.hessian.io.java8."

  @Test func localDateIsAHandleWithFieldsInReverseDeclarationOrder() throws {
    let bytes = encoded { $0.encode(try! JavaLocalDate(year: 2024, month: 2, day: 29)) }
    let definition = javaClassDefinitionHex(Self.package + "LocalDateHandle", ["day", "month", "year"])
    #expect(Hex.string(bytes) == definition + " 60 AD 92 CF E8")
  }

  @Test func localDateTimeNestsTheDateAndTimeHandles() throws {
    let value = JavaLocalDateTime(
      date: try JavaLocalDate(year: 2024, month: 2, day: 29),
      time: try JavaLocalTime(hour: 13, minute: 5, second: 7, nano: 1000)
    )
    let expected = [
      javaClassDefinitionHex(Self.package + "LocalDateTimeHandle", ["time", "date"]), "60",
      javaClassDefinitionHex(Self.package + "LocalTimeHandle", ["nano", "second", "minute", "hour"]),
      "61 CB E8 97 95 9D",
      javaClassDefinitionHex(Self.package + "LocalDateHandle", ["day", "month", "year"]), "62 AD 92 CF E8",
    ].joined(separator: " ")
    #expect(Hex.string(encoded { $0.encode(value) }) == expected)
  }

  @Test func zonedDateTimeWritesOffsetDateTimeThenZoneId() throws {
    let value = JavaZonedDateTime(
      dateTime: JavaLocalDateTime(
        date: try JavaLocalDate(year: 2000, month: 1, day: 1), time: try JavaLocalTime(hour: 0, minute: 0)),
      offset: try JavaZoneOffset(totalSeconds: 3600),
      zone: try JavaZoneId("Europe/Paris")
    )
    let expected = [
      javaClassDefinitionHex(Self.package + "ZonedDateTimeHandle", ["offset", "dateTime", "zoneId"]), "60",
      javaClassDefinitionHex(Self.package + "ZoneOffsetHandle", ["seconds"]), "61 D4 0E 10",
      javaClassDefinitionHex(Self.package + "LocalDateTimeHandle", ["time", "date"]), "62",
      javaClassDefinitionHex(Self.package + "LocalTimeHandle", ["nano", "second", "minute", "hour"]), "63 90 90 90 90",
      javaClassDefinitionHex(Self.package + "LocalDateHandle", ["day", "month", "year"]), "64 91 91 CF D0",
      javaStringHex("Europe/Paris"),
    ].joined(separator: " ")
    #expect(Hex.string(encoded { $0.encode(value) }) == expected)
  }

  @Test func handleDefinitionsUseJavasFieldOrder() {
    let expected: [(HessianClassDefinition, String, [String])] = [
      (JavaInstant.hessianClass, "InstantHandle", ["nanos", "seconds"]),
      (JavaDuration.hessianClass, "DurationHandle", ["nanos", "seconds"]),
      (JavaPeriod.hessianClass, "PeriodHandle", ["days", "months", "years"]),
      (JavaYear.hessianClass, "YearHandle", ["year"]),
      (JavaYearMonth.hessianClass, "YearMonthHandle", ["month", "year"]),
      (JavaMonthDay.hessianClass, "MonthDayHandle", ["day", "month"]),
      (JavaZoneId.hessianClass, "ZoneIdHandle", ["zoneId"]),
      (JavaOffsetDateTime.hessianClass, "OffsetDateTimeHandle", ["offset", "dateTime"]),
      (JavaOffsetTime.hessianClass, "OffsetTimeHandle", ["zoneOffset", "localTime"]),
    ]
    for (definition, name, fields) in expected {
      #expect(definition.className == Self.package + name)
      #expect(definition.fieldNames == fields)
    }
  }

  @Test func instantWritesNanosAsIntAndSecondsAsLong() throws {
    let bytes = encoded { $0.encode(try! JavaInstant(seconds: 1_700_000_000, nanos: 5)) }
    #expect(Hex.string(bytes).hasSuffix("60 95 59 65 53 F1 00"))
  }
}

@Suite struct JavaTimeRoundTripTests {
  static let date = try! JavaLocalDate(year: -44, month: 3, day: 15)
  static let time = try! JavaLocalTime(hour: 23, minute: 59, second: 59, nano: 999_999_999)
  static let dateTime = JavaLocalDateTime(date: date, time: time)
  static let offset = try! JavaZoneOffset(totalSeconds: -(5 * 3600 + 30 * 60))

  @Test func everyTypeRoundTrips() throws {
    #expect(try javaRoundTrip(Self.date) == Self.date)
    #expect(try javaRoundTrip(Self.time) == Self.time)
    #expect(try javaRoundTrip(Self.dateTime) == Self.dateTime)
    let instant = try JavaInstant(seconds: -31_557_014_167_219_200, nanos: 1)
    #expect(try javaRoundTrip(instant) == instant)
    let duration = try JavaDuration(seconds: -1, nanos: 500_000_000)
    #expect(try javaRoundTrip(duration) == duration)
    let period = JavaPeriod(years: 1, months: -2, days: 400)
    #expect(try javaRoundTrip(period) == period)
    let year = try JavaYear(999_999_999)
    #expect(try javaRoundTrip(year) == year)
    let yearMonth = try JavaYearMonth(year: 2024, month: 12)
    #expect(try javaRoundTrip(yearMonth) == yearMonth)
    let monthDay = try JavaMonthDay(month: 2, day: 29)
    #expect(try javaRoundTrip(monthDay) == monthDay)
    #expect(try javaRoundTrip(Self.offset) == Self.offset)
    let zone = try JavaZoneId("America/Argentina/Buenos_Aires")
    #expect(try javaRoundTrip(zone) == zone)
    let offsetDateTime = JavaOffsetDateTime(dateTime: Self.dateTime, offset: Self.offset)
    #expect(try javaRoundTrip(offsetDateTime) == offsetDateTime)
    let offsetTime = JavaOffsetTime(time: Self.time, offset: .utc)
    #expect(try javaRoundTrip(offsetTime) == offsetTime)
    let zoned = JavaZonedDateTime(dateTime: Self.dateTime, offset: Self.offset, zone: try JavaZoneId("GMT-05:30"))
    #expect(try javaRoundTrip(zoned) == zoned)
  }

  @Test func sharedZoneOffsetReferencesDecode() throws {
    // Java writes a cached ZoneOffset (such as UTC) once per stream, then refers back to it.
    let values = try javaDecode([JavaOffsetDateTime].self) { encoder in
      encoder.writeListHeader(count: 2)
      encoder.writeObjectHeader(JavaOffsetDateTime.hessianClass)
      let offsetIndex = encoder.referenceCount
      encoder.encode(JavaZoneOffset.utc)
      encoder.encode(Self.dateTime)
      encoder.writeObjectHeader(JavaOffsetDateTime.hessianClass)
      encoder.writeReference(offsetIndex)
      encoder.encode(Self.dateTime)
    }
    #expect(values == Array(repeating: JavaOffsetDateTime(dateTime: Self.dateTime, offset: .utc), count: 2))
  }

  @Test func instantConvertsToAndFromDate() throws {
    let instant = try JavaInstant(Date(timeIntervalSince1970: 1.5))
    #expect(instant.seconds == 1 && instant.nanos == 500_000_000)
    let before = try JavaInstant(Date(timeIntervalSince1970: -1.25))
    #expect(before.seconds == -2 && before.nanos == 750_000_000)
    #expect(before.date == Date(timeIntervalSince1970: -1.25))
    let now = Date(timeIntervalSince1970: 1_700_000_000.125)
    #expect(try JavaInstant(now).date == now)
    #expect { try JavaInstant(Date(timeIntervalSince1970: .infinity)) } throws: { isHessianError($0, .invalidValue) }
    #expect { try JavaInstant(Date(timeIntervalSince1970: 1e17)) } throws: { isHessianError($0, .invalidValue) }
  }

  @Test func zoneOffsetIdsFollowJava() throws {
    #expect(JavaZoneOffset.utc.id == "Z")
    #expect(try JavaZoneOffset(totalSeconds: 5 * 3600 + 30 * 60 + 15).id == "+05:30:15")
    #expect(try JavaZoneOffset(totalSeconds: -(8 * 3600 + 30 * 60)).id == "-08:30")
    let parsed: [(String, Int32)] = [
      ("Z", 0), ("+5", 18000), ("-05", -18000), ("-0830", -30600), ("+05:30", 19800), ("+053015", 19815),
      ("-05:30:15", -19815), ("+18:00", 64800),
    ]
    for (id, seconds) in parsed {
      #expect(try JavaZoneOffset(id: id).totalSeconds == seconds, "\(id)")
    }
    for id in ["", "+", "5", "+1:00", "+18:01", "+05:60", "+05:30:60", "+05-30", "+0530:15", "UTC"] {
      #expect(throws: HessianError.self, "\(id)") { try JavaZoneOffset(id: id) }
    }
  }

  @Test func zoneIdsAreCheckedLikeZoneIdOf() throws {
    for id in ["Europe/Paris", "UTC", "GMT", "UT", "GMT+01:00", "UTC-5", "Z", "+08:00", "Etc/GMT+5", "SystemV/AST4"] {
      #expect(try JavaZoneId(id).id == id)
    }
    for id in ["", "A", "1abc", "UTC+", "GMT+19", "Europe Paris", "/Paris", "Zürich", "+8:00"] {
      #expect(throws: HessianError.self, "\(id)") { try JavaZoneId(id) }
    }
  }
}

@Suite struct JavaTimeValidationTests {
  static let package = "com.alibaba.com.caucho.hessian.io.java8."

  /// Decodes `Value` from a handle of class `simpleName` with the given int fields.
  func decodeHandle<Value: HessianDecodable>(
    _ type: Value.Type, _ simpleName: String, _ fields: [(String, Int32)]
  ) throws {
    _ = try javaDecode(Value.self) { encoder in
      encoder.writeObjectHeader(
        HessianClassDefinition(className: Self.package + simpleName, fieldNames: fields.map(\.0)))
      for field in fields { encoder.writeInt(field.1) }
    }
  }

  @Test func outOfRangeFieldsAreInvalidValuesWhenDecoding() {
    let invalid: [() throws -> Void] = [
      { try decodeHandle(JavaLocalDate.self, "LocalDateHandle", [("year", 2024), ("month", 13), ("day", 1)]) },
      { try decodeHandle(JavaLocalDate.self, "LocalDateHandle", [("year", 2023), ("month", 2), ("day", 29)]) },
      { try decodeHandle(JavaLocalDate.self, "LocalDateHandle", [("year", 2024), ("month", 4), ("day", 31)]) },
      { try decodeHandle(JavaLocalDate.self, "LocalDateHandle", [("year", 2024), ("month", 1)]) },
      { try decodeHandle(JavaLocalTime.self, "LocalTimeHandle", [("hour", 24), ("minute", 0)]) },
      { try decodeHandle(JavaLocalTime.self, "LocalTimeHandle", [("hour", 1), ("second", 60)]) },
      { try decodeHandle(JavaLocalTime.self, "LocalTimeHandle", [("nano", 1_000_000_000)]) },
      { try decodeHandle(JavaInstant.self, "InstantHandle", [("seconds", 0), ("nanos", -1)]) },
      { try decodeHandle(JavaDuration.self, "DurationHandle", [("seconds", 0), ("nanos", 1_000_000_000)]) },
      { try decodeHandle(JavaYear.self, "YearHandle", [("year", 1_000_000_000)]) },
      { try decodeHandle(JavaYearMonth.self, "YearMonthHandle", [("year", 2024), ("month", 0)]) },
      { try decodeHandle(JavaMonthDay.self, "MonthDayHandle", [("month", 2), ("day", 30)]) },
      { try decodeHandle(JavaZoneOffset.self, "ZoneOffsetHandle", [("seconds", 64801)]) },
    ]
    for decode in invalid {
      #expect { try decode() } throws: { isHessianError($0, .invalidValue) }
    }
  }

  @Test func instantSecondsBeyondJavasRangeAreInvalid() {
    #expect {
      try javaDecode(JavaInstant.self) {
        $0.writeObjectHeader(JavaInstant.hessianClass)
        $0.writeInt(0)
        $0.writeLong(31_556_889_864_403_200)
      }
    } throws: { isHessianError($0, .invalidValue) }
  }

  @Test func missingNestedHandlesAreInvalidValues() {
    #expect {
      try javaDecode(JavaLocalDateTime.self) {
        $0.writeObjectHeader(JavaLocalDateTime.hessianClass)
        $0.encode(try! JavaLocalTime(hour: 1, minute: 2))
        $0.writeNull()
      }
    } throws: { isHessianError($0, .invalidValue) }
    #expect {
      try javaDecode(JavaZonedDateTime.self) {
        $0.writeObjectHeader(
          HessianClassDefinition(className: Self.package + "ZonedDateTimeHandle", fieldNames: ["offset"]))
        $0.encode(JavaZoneOffset.utc)
      }
    } throws: { isHessianError($0, .invalidValue) }
    #expect {
      try javaDecode(JavaZoneId.self) {
        $0.writeObjectHeader(JavaZoneId.hessianClass)
        $0.writeString("not a zone")
      }
    } throws: { isHessianError($0, .invalidValue) }
  }

  @Test func constructorsCheckRangesLikeJava() throws {
    #expect(try JavaLocalDate(year: 2000, month: 2, day: 29).day == 29)
    #expect(throws: HessianError.self) { try JavaLocalDate(year: 1900, month: 2, day: 29) }
    #expect(throws: HessianError.self) { try JavaLocalDate(year: 2024, month: 6, day: 0) }
    #expect(throws: HessianError.self) { try JavaLocalDate(year: -1_000_000_000, month: 1, day: 1) }
    #expect(throws: HessianError.self) { try JavaLocalTime(hour: -1, minute: 0) }
    #expect(throws: HessianError.self) { try JavaLocalTime(hour: 0, minute: 60) }
    #expect(throws: HessianError.self) { try JavaInstant(seconds: 0, nanos: 1_000_000_000) }
    #expect(throws: HessianError.self) { try JavaDuration(seconds: 0, nanos: -1) }
    #expect(throws: HessianError.self) { try JavaYear(-1_000_000_000) }
    #expect(throws: HessianError.self) { try JavaYearMonth(year: 2024, month: 13) }
    #expect(throws: HessianError.self) { try JavaMonthDay(month: 4, day: 31) }
    #expect(throws: HessianError.self) { try JavaZoneOffset(totalSeconds: -64801) }
  }
}
