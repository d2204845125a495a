import Testing

@testable import DubboCLI

@Suite struct JSONParserTests {
  private func parse(_ text: String) throws(JSONError) -> JSONValue { try JSONParser.parse(text) }

  @Test func keepsMemberOrderRepeatedKeysAndNumberLiterals() throws {
    let value = try parse(#" { "z": 1, "a": [true, false, null], "z": -0.5e+10, "": "x" } "#)
    #expect(
      value
        == .object([
          JSONMember("z", .integer(1)),
          JSONMember("a", .array([.bool(true), .bool(false), .null])),
          JSONMember("z", JSONValue(.number("-0.5e+10"))),
          JSONMember("", .string("x")),
        ])
    )
  }

  @Test func keepsBigIntegersExactly() throws {
    #expect(try parse("123456789012345678901234567890") == JSONValue(.number("123456789012345678901234567890")))
  }

  @Test func readsEscapesAndUnicode() throws {
    #expect(
      try parse(#""\"\\\/\b\f\n\r\t\u0041\u00E9\u4E2D\uD834\uDD1E""#) == .string("\"\\/\u{8}\u{C}\n\r\t\u{41}é中𝄞"))
    #expect(try parse("\"raw é 中 😀\"") == .string("raw é 中 😀"))
    #expect(try parse(#""\u0000""#) == .string("\u{0}"))
  }

  @Test func skipsAByteOrderMark() throws {
    #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.integer(1)]))
  }

  @Test func recordsOffsets() throws {
    let value = try parse("{\n  \"k\": [1, 2]\n}")
    guard case .object(let members) = value.kind else {
      Issue.record("not an object")
      return
    }
    #expect(value.offset == 0)
    #expect(members[0].keyOffset == 4)
    #expect(members[0].value.offset == 9)
  }

  @Test(arguments: [
    ("", "line 1, column 1: expected a JSON value, found end of input"),
    ("   ", "line 1, column 4: expected a JSON value, found end of input"),
    ("[1, 2", "line 1, column 6: expected ',' or ']' in an array, found end of input"),
    ("[1 2]", "line 1, column 4: expected ',' or ']' in an array, found '2'"),
    ("[1,]", "line 1, column 4: expected a JSON value after ',' (JSON allows no trailing comma)"),
    (#"{"a": 1,}"#, "line 1, column 9: expected a string key in an object, found '}' (JSON allows no trailing comma)"),
    (#"{"a" 1}"#, "line 1, column 6: expected ':' after an object key, found '1'"),
    (#"{a: 1}"#, "line 1, column 2: expected a string key in an object, found 'a'"),
    (#"{"a": 1"#, "line 1, column 8: expected ',' or '}' in an object, found end of input"),
    ("tru", "line 1, column 1: expected a JSON value, found 't'"),
    ("nullx", "line 1, column 5: unexpected 'x' after null"),
    ("True", "line 1, column 1: expected a JSON value, found 'T'"),
    ("NaN", "line 1, column 1: expected a JSON value, found 'N'"),
    ("01", "line 1, column 1: a JSON number cannot have a leading zero"),
    ("1.", "line 1, column 3: expected a digit after the decimal point, found end of input"),
    ("1e", "line 1, column 3: expected a digit in the exponent, found end of input"),
    ("-", "line 1, column 2: expected a digit, found end of input"),
    ("+1", "line 1, column 1: expected a JSON value, found '+'"),
    ("12abc", "line 1, column 3: unexpected 'a' in a number"),
    (#""abc"#, "line 1, column 5: unterminated string"),
    (#""a\qb""#, "line 1, column 3: invalid escape sequence: '\\' followed by 'q'"),
    (#""\u12G4""#, "line 1, column 6: expected 4 hex digits after \\u, found 'G'"),
    (#""\uD800""#, "line 1, column 2: \\uD800 is a lone high surrogate; a string must be valid Unicode"),
    (#""\uD800\u0041""#, "line 1, column 2: \\uD800 is a lone high surrogate; a string must be valid Unicode"),
    (#""\uDC00""#, "line 1, column 2: \\uDC00 is a lone low surrogate; a string must be valid Unicode"),
    ("\"a\nb\"", "line 1, column 3: control character U+000A must be escaped in a string"),
    ("1 2", "line 1, column 3: unexpected '2' after the JSON value"),
    ("[\n  1,\n  é\n]", "line 3, column 3: expected a JSON value, found 'é'"),
    ("{\n\"a\": [1, 2],\n\"b\": [3,, 4]}", "line 3, column 9: expected a JSON value, found ','"),
  ])
  func reportsMalformedJSONWithLineAndColumn(_ text: String, _ message: String) {
    #expect(throws: JSONError.self) { try parse(text) }
    do {
      _ = try parse(text)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func rejectsInvalidUTF8() {
    for (bytes, message) in [
      (Array("[\"a".utf8) + [0xFF] + Array("\"]".utf8), "line 1, column 4: invalid UTF-8 (byte 0xFF)"),
      (Array("\n \"".utf8) + [0xC3], "line 2, column 3: invalid UTF-8 (byte 0xC3)"),
      ([0x22, 0xED, 0xA0, 0x80, 0x22], "line 1, column 2: invalid UTF-8 (byte 0xED)"),
      ([0x22, 0xC0, 0x80, 0x22], "line 1, column 2: invalid UTF-8 (byte 0xC0)"),
    ] {
      #expect(throws: JSONError.self) { try JSONParser.parse(bytes) }
      do {
        _ = try JSONParser.parse(bytes)
      } catch {
        #expect(error.description == message)
      }
    }
  }

  @Test func limitsNesting() throws {
    let deep = String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth)
    _ = try parse(deep)
    let tooDeep = String(repeating: "[", count: 100_000)
    do {
      _ = try parse(tooDeep)
      Issue.record("parsed \(tooDeep.count) levels")
    } catch {
      #expect(error.description == "line 1, column \(JSONParser.maxDepth + 1): nesting deeper than 512 levels")
    }
  }
}
