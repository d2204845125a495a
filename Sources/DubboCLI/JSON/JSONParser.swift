/// Parses JSON text (RFC 8259) into a ``JSONValue``, keeping member order, repeated keys and
/// number literals as written.
///
/// Input must be UTF-8 (a leading byte-order mark is skipped). Every problem is a ``JSONError``
/// with the line and column where it was found; nesting is limited so that hostile input cannot
/// exhaust the stack.
struct JSONParser {
  /// The deepest nesting of arrays and objects accepted.
  static let maxDepth = 512

  private let source: [UInt8]
  private var position = 0
  private var depth = 0

  private init(_ source: [UInt8]) {
    self.source = source
  }

  /// Parses one JSON value that makes up all of `text` (whitespace aside).
  static func parse(_ text: [UInt8]) throws(JSONError) -> JSONValue {
    var parser = JSONParser(text)
    try parser.validateUTF8()
    if text.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
    parser.skipWhitespace()
    let value = try parser.parseValue()
    parser.skipWhitespace()
    if parser.position < text.count {
      throw parser.error("unexpected \(parser.describeNext()) after the JSON value")
    }
    return value
  }

  /// Parses JSON text given as a string.
  static func parse(_ text: String) throws(JSONError) -> JSONValue {
    try parse(Array(text.utf8))
  }

  private func error(_ message: String, at offset: Int? = nil) -> JSONError {
    JSONError(message, at: offset ?? position, in: source)
  }

  private var next: UInt8? { position < source.count ? source[position] : nil }

  /// The next character, described for an error message.
  private func describeNext() -> String {
    guard position < source.count else { return "end of input" }
    let byte = source[position]
    if byte >= 0x20, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    if byte < 0x80 { return "character U+\(Self.hex4(UInt32(byte)))" }
    let length = min(Self.sequenceLength(lead: byte), source.count - position)
    let text = String(decoding: source[position..<position + length], as: UTF8.self)
    return "'\(text)'"
  }

  private mutating func skipWhitespace() {
    while let byte = next, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
      position += 1
    }
  }

  private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONError) {
    guard next == byte else { throw error("expected \(what), found \(describeNext())") }
    position += 1
  }

  private mutating func parseValue() throws(JSONError) -> JSONValue {
    let start = position
    guard let byte = next else { throw error("expected a JSON value, found end of input") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return JSONValue(.string(try parseString()), offset: start)
    case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("expected a JSON value, found \(describeNext())")
    }
  }

  private mutating func parseLiteral(_ word: String, _ kind: JSONValue.Kind) throws(JSONError) -> JSONValue {
    let start = position
    let bytes = Array(word.utf8)
    guard source[position...].starts(with: bytes) else {
      throw error("expected a JSON value, found \(describeNext())")
    }
    position += bytes.count
    if let byte = next, Self.isIdentifierByte(byte) {
      throw error("unexpected \(describeNext()) after \(word)")
    }
    return JSONValue(kind, offset: start)
  }

  private static func isIdentifierByte(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
  }

  private mutating func enterContainer() throws(JSONError) {
    depth += 1
    guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
  }

  private mutating func parseArray() throws(JSONError) -> JSONValue {
    let start = position
    try enterContainer()
    defer { depth -= 1 }
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if next == UInt8(ascii: "]") {
      position += 1
      return JSONValue(.array(elements), offset: start)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue())
      skipWhitespace()
      if next == UInt8(ascii: ",") {
        position += 1
        skipWhitespace()
        if next == UInt8(ascii: "]") { throw error("expected a JSON value after ',' (JSON allows no trailing comma)") }
        continue
      }
      try expect(UInt8(ascii: "]"), "',' or ']' in an array")
      return JSONValue(.array(elements), offset: start)
    }
  }

  private mutating func parseObject() throws(JSONError) -> JSONValue {
    let start = position
    try enterContainer()
    defer { depth -= 1 }
    position += 1
    var members: [JSONMember] = []
    skipWhitespace()
    if next == UInt8(ascii: "}") {
      position += 1
      return JSONValue(.object(members), offset: start)
    }
    while true {
      skipWhitespace()
      let keyStart = position
      guard next == UInt8(ascii: "\"") else {
        let hint = members.isEmpty ? "" : " (JSON allows no trailing comma)"
        throw error("expected a string key in an object, found \(describeNext())\(hint)")
      }
      let key = try parseString()
      skipWhitespace()
      try expect(UInt8(ascii: ":"), "':' after an object key")
      skipWhitespace()
      members.append(JSONMember(key, try parseValue(), keyOffset: keyStart))
      skipWhitespace()
      if next == UInt8(ascii: ",") {
        position += 1
        continue
      }
      try expect(UInt8(ascii: "}"), "',' or '}' in an object")
      return JSONValue(.object(members), offset: start)
    }
  }

  private mutating func parseNumber() throws(JSONError) -> JSONValue {
    let start = position
    if next == UInt8(ascii: "-") { position += 1 }
    guard let first = next, Self.isDigit(first) else { throw error("expected a digit, found \(describeNext())") }
    position += 1
    if first == UInt8(ascii: "0"), let byte = next, Self.isDigit(byte) {
      throw error("a JSON number cannot have a leading zero", at: start)
    }
    skipDigits()
    if next == UInt8(ascii: ".") {
      position += 1
      guard let byte = next, Self.isDigit(byte) else {
        throw error("expected a digit after the decimal point, found \(describeNext())")
      }
      skipDigits()
    }
    if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
      position += 1
      if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { position += 1 }
      guard let byte = next, Self.isDigit(byte) else {
        throw error("expected a digit in the exponent, found \(describeNext())")
      }
      skipDigits()
    }
    if let byte = next, Self.isIdentifierByte(byte) || byte == UInt8(ascii: ".") {
      throw error("unexpected \(describeNext()) in a number")
    }
    return JSONValue(.number(String(decoding: source[start..<position], as: UTF8.self)), offset: start)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

  private mutating func skipDigits() {
    while let byte = next, Self.isDigit(byte) { position += 1 }
  }

  /// Parses a string literal starting at the opening quote.
  private mutating func parseString() throws(JSONError) -> String {
    position += 1
    var utf8: [UInt8] = []
    while true {
      guard let byte = next else { throw error("unterminated string") }
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try parseEscape(into: &utf8)
      case 0x00..<0x20:
        throw error("control character U+\(Self.hex4(UInt32(byte))) must be escaped in a string")
      default:
        utf8.append(byte)
        position += 1
      }
    }
  }

  private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONError) {
    let start = position
    position += 1
    guard let byte = next else { throw error("unterminated string") }
    position += 1
    let simple: UInt8? =
      switch byte {
      case UInt8(ascii: "\""): 0x22
      case UInt8(ascii: "\\"): 0x5C
      case UInt8(ascii: "/"): 0x2F
      case UInt8(ascii: "b"): 0x08
      case UInt8(ascii: "f"): 0x0C
      case UInt8(ascii: "n"): 0x0A
      case UInt8(ascii: "r"): 0x0D
      case UInt8(ascii: "t"): 0x09
      default: nil
      }
    if let simple {
      utf8.append(simple)
      return
    }
    guard byte == UInt8(ascii: "u") else {
      position -= 1
      throw error("invalid escape sequence: '\\' followed by \(describeNext())", at: start)
    }
    var unit = try parseHex4(escapeStart: start)
    if (0xDC00...0xDFFF).contains(unit) {
      throw error("\\u\(Self.hex4(unit)) is a lone low surrogate; a string must be valid Unicode", at: start)
    }
    if (0xD800...0xDBFF).contains(unit) {
      let lowStart = position
      guard source[position...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
        throw error("\\u\(Self.hex4(unit)) is a lone high surrogate; a string must be valid Unicode", at: start)
      }
      position += 2
      let low = try parseHex4(escapeStart: lowStart)
      guard (0xDC00...0xDFFF).contains(low) else {
        throw error("\\u\(Self.hex4(unit)) is a lone high surrogate; a string must be valid Unicode", at: start)
      }
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
    }
    // Not a surrogate here, so always a valid scalar.
    utf8.append(contentsOf: Array(String(Character(Unicode.Scalar(unit)!)).utf8))
  }

  private mutating func parseHex4(escapeStart: Int) throws(JSONError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = next, let digit = Self.hexDigit(byte) else {
        throw error("expected 4 hex digits after \\u, found \(describeNext())")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  private static func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  static func hex4(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  // MARK: UTF-8

  private static func sequenceLength(lead: UInt8) -> Int {
    switch lead {
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
    default: 1
    }
  }

  /// Checks that the whole input is well-formed UTF-8, reporting the first bad byte.
  private func validateUTF8() throws(JSONError) {
    var index = 0
    let bytes = source
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length = Self.sequenceLength(lead: lead)
      var valid = length > 1 && index + length <= bytes.count
      if valid {
        let second = bytes[index + 1]
        let secondRange: ClosedRange<UInt8> =
          switch lead {
          case 0xE0: 0xA0...0xBF
          case 0xED: 0x80...0x9F
          case 0xF0: 0x90...0xBF
          case 0xF4: 0x80...0x8F
          default: 0x80...0xBF
          }
        valid = secondRange.contains(second) && bytes[index + 2..<index + length].allSatisfy { $0 & 0xC0 == 0x80 }
      }
      guard valid else {
        throw JSONError("invalid UTF-8 (byte 0x\(String(lead, radix: 16, uppercase: true)))", at: index, in: source)
      }
      index += length
    }
  }
}
