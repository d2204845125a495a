/// A JSON value that keeps what Foundation's `JSONSerialization` loses: the order of object
/// members (and repeated keys), and numbers as their literal text, so no precision is lost.
///
/// Values made by ``JSONParser`` remember the byte offset where they start in the parsed text, for
/// error messages; equality ignores it.
struct JSONValue: Hashable, Sendable {
  /// What kind of JSON value this is.
  enum Kind: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, as its JSON literal text (for example `-12`, `1.5e-7`).
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object's members, in order; a key may repeat.
    case object([JSONMember])
  }

  /// The value.
  var kind: Kind
  /// Where the value starts in the text it was parsed from (a byte offset), if it was parsed.
  var offset: Int?

  init(_ kind: Kind, offset: Int? = nil) {
    self.kind = kind
    self.offset = offset
  }

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.kind == rhs.kind }

  func hash(into hasher: inout Hasher) { hasher.combine(kind) }

  static let null = JSONValue(.null)

  static func bool(_ value: Bool) -> JSONValue { JSONValue(.bool(value)) }

  static func string(_ value: String) -> JSONValue { JSONValue(.string(value)) }

  static func array(_ elements: [JSONValue]) -> JSONValue { JSONValue(.array(elements)) }

  static func object(_ members: [JSONMember]) -> JSONValue { JSONValue(.object(members)) }

  /// An integer number.
  static func integer(_ value: some BinaryInteger) -> JSONValue { JSONValue(.number(String(value))) }

  /// A finite double, written in the shortest form that reads back as the same value.
  static func number(_ value: Double) -> JSONValue {
    precondition(value.isFinite, "JSON has no literal for \(value)")
    return JSONValue(.number(value.description))
  }

  /// Whether the value is neither an array nor an object.
  var isScalar: Bool {
    switch kind {
    case .array, .object: false
    default: true
    }
  }
}

/// One member of a JSON object.
struct JSONMember: Hashable, Sendable {
  /// The key.
  var key: String
  /// The value.
  var value: JSONValue
  /// Where the key starts in the text it was parsed from (a byte offset), if it was parsed.
  var keyOffset: Int?

  init(_ key: String, _ value: JSONValue, keyOffset: Int? = nil) {
    self.key = key
    self.value = value
    self.keyOffset = keyOffset
  }

  static func == (lhs: JSONMember, rhs: JSONMember) -> Bool { lhs.key == rhs.key && lhs.value == rhs.value }

  func hash(into hasher: inout Hasher) {
    hasher.combine(key)
    hasher.combine(value)
  }
}

/// A problem in JSON input: malformed JSON, or JSON that does not describe a Hessian value.
struct JSONError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  var message: String
  /// The 1-based line of the problem.
  var line: Int
  /// The 1-based column of the problem, in Unicode characters (scalars).
  var column: Int

  var description: String { "line \(line), column \(column): \(message)" }

  /// An error at byte `offset` of `source`, with the offset turned into a line and column.
  init(_ message: String, at offset: Int, in source: [UInt8]) {
    self.message = message
    var line = 1
    var column = 1
    for byte in source.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    self.line = line
    self.column = column
  }
}
