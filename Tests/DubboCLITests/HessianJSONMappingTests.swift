import DubboHessian
import Foundation
import Testing

@testable import DubboCLI

/// Each `HessianValue` case both ways: the JSON text printed for it, and the value read back.
@Suite struct HessianJSONMappingTests {
  /// Prints `value`, checks the text, and reads it back.
  private func check(_ value: HessianValue, _ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let text = HessianJSON.text(for: value)
    #expect(text == json, sourceLocation: sourceLocation)
    let back = try HessianJSON.value(fromJSON: Array(text.utf8))
    #expect(back == value, sourceLocation: sourceLocation)
  }

  @Test func nullAndBooleans() throws {
    try check(.null, "null")
    try check(.bool(true), "true")
    try check(.bool(false), "false")
  }

  @Test(arguments: [Int32(0), -1, 47, -16, 2048, .min, .max])
  func intsAreBareNumbers(_ number: Int32) throws {
    try check(.int(number), String(number))
  }

  @Test(arguments: [Int64(0), -1, 1001, Int64(Int32.max) + 1, .min, .max])
  func longsAreTagged(_ number: Int64) throws {
    try check(.long(number), "{\"$long\": \(number)}")
  }

  @Test func longsAreAlsoReadFromStrings() throws {
    #expect(try HessianJSON.value(fromJSON: Array(#"{"$long": "-9223372036854775808"}"#.utf8)) == .long(.min))
  }

  @Test(arguments: [
    (1.5, "1.5"), (2.0, "2.0"), (0.1, "0.1"), (-0.001, "-0.001"), (1e300, "1e+300"), (.leastNonzeroMagnitude, "5e-324"),
    (3.141592653589793, "3.141592653589793"), (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
    (Double.infinity, "\"Infinity\""), (-Double.infinity, "\"-Infinity\""),
  ])
  func doubles(_ number: Double, _ literal: String) throws {
    try check(.double(number), "{\"$double\": \(literal)}")
  }

  @Test func negativeZeroKeepsItsSign() throws {
    #expect(HessianJSON.text(for: .double(-0.0)) == #"{"$double": -0.0}"#)
    guard case .double(let number) = try HessianJSON.value(fromJSON: Array(#"{"$double": -0.0}"#.utf8)) else {
      Issue.record("not a double")
      return
    }
    #expect(number.bitPattern == (-0.0).bitPattern)
  }

  @Test(arguments: [
    (HessianJSON.canonicalNaNBits, "\"NaN\""),
    (0x7FF0_0000_0000_0001, "\"NaN(0x7FF0000000000001)\""),
    (0xFFF8_0000_0000_0000, "\"NaN(0xFFF8000000000000)\""),
  ])
  func nanKeepsItsBits(_ bits: UInt64, _ literal: String) throws {
    let json = HessianJSON.text(for: .double(Double(bitPattern: bits)))
    #expect(json == "{\"$double\": \(literal)}")
    guard case .double(let number) = try HessianJSON.value(fromJSON: Array(json.utf8)) else {
      Issue.record("not a double")
      return
    }
    #expect(number.bitPattern == bits)
  }

  @Test func strings() throws {
    try check(.string(""), #""""#)
    try check(.string("héllo wörld"), #""héllo wörld""#)
    try check(.string("😀 𝄞 outside the BMP"), #""😀 𝄞 outside the BMP""#)
    try check(.string("a\"b\\c/d"), #""a\"b\\c/d""#)
    try check(.string("\n\r\t\u{08}\u{0C}"), #""\n\r\t\b\f""#)
    try check(.string("\u{00}\u{1F}\u{7F}\u{85}\u{2028}\u{2029}"), #""\u0000\u001F\u007F\u0085\u2028\u2029""#)
  }

  @Test func stringsReadEscapedSurrogatePairs() throws {
    #expect(try HessianJSON.value(fromJSON: Array(#""\uD83D\uDE00 \u00e9\/""#.utf8)) == .string("😀 é/"))
  }

  @Test func binaryIsBase64() throws {
    try check(.binary([]), #"{"$binary": ""}"#)
    try check(.binary([0xDE, 0xAD, 0xBE, 0xEF]), #"{"$binary": "3q2+7w=="}"#)
    // Too wide for one line.
    try check(.binary(Array(0...255)), "{\n  \"$binary\": \"\(Data(Array(0...255)).base64EncodedString())\"\n}")
  }

  @Test(arguments: [
    (Int64(1_700_000_000_000), "\"2023-11-14T22:13:20.000Z\""),
    (0, "\"1970-01-01T00:00:00.000Z\""),
    (-1, "\"1969-12-31T23:59:59.999Z\""),
    (1_709_164_800_123, "\"2024-02-29T00:00:00.123Z\""),
    (951_782_400_000, "\"2000-02-29T00:00:00.000Z\""),
    (253_402_300_799_999, "\"9999-12-31T23:59:59.999Z\""),
    (-62_167_219_200_000, "\"0000-01-01T00:00:00.000Z\""),
    (253_402_300_800_000, "253402300800000"),
    (-62_167_219_200_001, "-62167219200001"),
    (.max, "9223372036854775807"),
    (.min, "-9223372036854775808"),
  ])
  func dates(_ milliseconds: Int64, _ literal: String) throws {
    try check(.date(millisecondsSince1970: milliseconds), "{\"$date\": \(literal)}")
  }

  @Test func datesAreReadWithFewerFractionDigits() throws {
    for (text, milliseconds) in [
      ("2023-11-14T22:13:20Z", 1_700_000_000_000), ("2023-11-14T22:13:20.5Z", 1_700_000_000_500),
      ("2023-11-14T22:13:20.05Z", 1_700_000_000_050),
    ] as [(String, Int64)] {
      let json = "{\"$date\": \"\(text)\"}"
      #expect(try HessianJSON.value(fromJSON: Array(json.utf8)) == .date(millisecondsSince1970: milliseconds))
    }
  }

  @Test func civilDatesOfEightCenturiesAreConsecutive() {
    // 1600-03-01 to 2400-03-01 covers every leap-year rule twice.
    let first = ISODate.days(year: 1600, month: 3, day: 1)
    let last = ISODate.days(year: 2400, month: 3, day: 1)
    var previous = ISODate.civil(fromDays: first - 1)
    #expect(previous == (1600, 2, 29))
    var mismatches: [Int64] = []
    for day in first...last {
      let civil = ISODate.civil(fromDays: day)
      let nextDay = civil.year == previous.year && civil.month == previous.month && civil.day == previous.day + 1
      let nextMonth =
        civil.day == 1
        && ((civil.year == previous.year && civil.month == previous.month + 1)
          || (civil.year == previous.year + 1 && civil.month == 1 && previous.month == 12))
      if !(nextDay || nextMonth) || ISODate.days(year: civil.year, month: civil.month, day: civil.day) != day {
        mismatches.append(day)
      }
      previous = civil
    }
    #expect(mismatches.isEmpty)
    #expect(ISODate.days(year: 1970, month: 1, day: 1) == 0)
    #expect(ISODate.days(year: 2000, month: 3, day: 1) == 11017)
  }

  @Test func datesMatchFoundationsFormatter() {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    var random = SplitMix64(seed: 2023)
    for _ in 0..<2000 {
      // 1600-01-01 to 2400-01-01, after the Gregorian reform Foundation's calendar follows.
      let milliseconds = Int64.random(in: -11_676_096_000_000...13_569_465_600_000, using: &random)
      let (seconds, millisecond) = (
        milliseconds - (milliseconds % 1000 + 1000) % 1000, (milliseconds % 1000 + 1000) % 1000
      )
      let wholeSeconds = formatter.string(from: Date(timeIntervalSince1970: Double(seconds / 1000)))
      let expected = wholeSeconds.dropLast() + "." + String(format: "%03d", millisecond) + "Z"
      #expect(ISODate.string(millisecondsSince1970: milliseconds) == expected, "\(milliseconds)")
      #expect(ISODate.milliseconds(from: expected) == milliseconds)
    }
  }

  @Test func untypedListIsAnArray() throws {
    try check(.list(HessianList(elements: [])), "[]")
    try check(.list(HessianList(elements: [.int(1), .string("a"), .null])), #"[1, "a", null]"#)
  }

  @Test func typedListCarriesItsType() throws {
    try check(
      .list(HessianList(type: "[int", elements: [.int(1), .int(2)])),
      """
      {
        "$type": "[int",
        "$list": [1, 2]
      }
      """
    )
  }

  @Test func mapWithStringKeysIsAnObject() throws {
    try check(
      .map(HessianMap(entries: [.init(key: .string("b"), value: .int(1)), .init(key: .string("a"), value: .null)])),
      """
      {
        "$map": {
          "b": 1,
          "a": null
        }
      }
      """
    )
    try check(.map(HessianMap(entries: [])), #"{"$map": {}}"#)
  }

  @Test func mapWithOtherKeysIsAListOfPairs() throws {
    try check(
      .map(
        HessianMap(
          type: "java.util.TreeMap",
          entries: [.init(key: .int(1), value: .string("one")), .init(key: .long(2), value: .string("two"))]
        )
      ),
      """
      {
        "$type": "java.util.TreeMap",
        "$map": [
          [1, "one"],
          [{"$long": 2}, "two"]
        ]
      }
      """
    )
  }

  @Test func mapWithARepeatedStringKeyIsAListOfPairs() throws {
    try check(
      .map(HessianMap(entries: [.init(key: .string("k"), value: .int(1)), .init(key: .string("k"), value: .int(2))])),
      """
      {
        "$map": [
          ["k", 1],
          ["k", 2]
        ]
      }
      """
    )
  }

  @Test func objectKeepsClassAndFieldOrder() throws {
    try check(
      .object(
        HessianObject(
          className: "org.apache.dubbo.sample.User",
          fields: [.init(name: "name", value: .string("Ann")), .init(name: "id", value: .long(7))]
        )
      ),
      """
      {
        "$class": "org.apache.dubbo.sample.User",
        "name": "Ann",
        "id": {"$long": 7}
      }
      """
    )
  }

  @Test func fieldNamesStartingWithDollarAreEscaped() throws {
    let object = HessianObject(
      className: "C",
      fields: [
        .init(name: "$jacocoData", value: .null), .init(name: "$$x", value: .int(1)), .init(name: "$", value: .int(2)),
        .init(name: "a$b", value: .int(3)), .init(name: "$class", value: .string("not the class")),
      ]
    )
    try check(
      .object(object),
      """
      {
        "$class": "C",
        "$$jacocoData": null,
        "$$$x": 1,
        "$$": 2,
        "a$b": 3,
        "$$class": "not the class"
      }
      """
    )
  }

  @Test func repeatedFieldNamesAreKept() throws {
    let object = HessianObject(
      className: "Sub", fields: [.init(name: "x", value: .int(1)), .init(name: "x", value: .int(2))])
    try check(.object(object), "{\n  \"$class\": \"Sub\",\n  \"x\": 1,\n  \"x\": 2\n}")
  }

  @Test func referencesAreTagged() throws {
    try check(.list(HessianList(elements: [.int(1), .reference(0)])), #"[1, {"$ref": 0}]"#)
    let user = HessianValue.object(HessianObject(className: "U", fields: [.init(name: "self", value: .reference(1))]))
    try check(
      .list(HessianList(elements: [user, .reference(1)])),
      """
      [
        {
          "$class": "U",
          "self": {"$ref": 1}
        },
        {"$ref": 1}
      ]
      """
    )
  }

  @Test func membersMayComeInAnyOrder() throws {
    let json = #"{"$list": [1], "$type": "[int"}"#
    #expect(try HessianJSON.value(fromJSON: Array(json.utf8)) == .list(HessianList(type: "[int", elements: [.int(1)])))
    let object = #"{"a": 1, "$class": "C", "b": 2}"#
    #expect(
      try HessianJSON.value(fromJSON: Array(object.utf8))
        == .object(
          HessianObject(className: "C", fields: [.init(name: "a", value: .int(1)), .init(name: "b", value: .int(2))]))
    )
  }

  @Test func streamReferencesCountAcrossValues() throws {
    let json = #"[{"$map": {}}, [{"$ref": 0}], {"$ref": 1}]"#
    #expect(
      try HessianJSON.values(fromJSONStream: Array(json.utf8)) == [
        .map(HessianMap(entries: [])), .list(HessianList(elements: [.reference(0)])), .reference(1),
      ]
    )
  }
}

/// A small seeded generator, so that randomized tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
