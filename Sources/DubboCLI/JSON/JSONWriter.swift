/// Writes a ``JSONValue`` as pretty-printed JSON text, members in their order.
///
/// Containers go one member per line, indented by two spaces, except small ones that fit on a
/// line: arrays of scalars (`[1, 2, 3]`, a map entry `["key", 1]`) and single-member objects with
/// a scalar value (`{"$long": 5}`), where an empty container counts as a scalar. Strings keep all
/// of Unicode as UTF-8; only `"`, `\` and control or invisible line-breaking characters are escaped.
struct JSONWriter: Sendable {
  /// The widest line an inline container may make, indentation included.
  var lineWidth = 100

  /// The text of `value`, without a trailing newline.
  func render(_ value: JSONValue) -> String {
    var output = ""
    write(value, indent: 0, into: &output)
    return output
  }

  private func write(_ value: JSONValue, indent: Int, into output: inout String) {
    switch value.kind {
    case .array(let elements):
      if elements.isEmpty {
        output += "[]"
      } else if let inline = inlineText(value, room: lineWidth - indent) {
        output += inline
      } else {
        output += "[\n"
        for (index, element) in elements.enumerated() {
          output += String(repeating: " ", count: indent + 2)
          write(element, indent: indent + 2, into: &output)
          output += index == elements.count - 1 ? "\n" : ",\n"
        }
        output += String(repeating: " ", count: indent) + "]"
      }
    case .object(let members):
      if members.isEmpty {
        output += "{}"
      } else if let inline = inlineText(value, room: lineWidth - indent) {
        output += inline
      } else {
        output += "{\n"
        for (index, member) in members.enumerated() {
          output += String(repeating: " ", count: indent + 2)
          output += Self.quoted(member.key) + ": "
          write(member.value, indent: indent + 2, into: &output)
          output += index == members.count - 1 ? "\n" : ",\n"
        }
        output += String(repeating: " ", count: indent) + "}"
      }
    default:
      output += Self.scalarText(value)
    }
  }

  /// The one-line text of a small container, or `nil` when it should span lines.
  private func inlineText(_ value: JSONValue, room: Int) -> String? {
    var text: String
    switch value.kind {
    case .array(let elements):
      var parts: [String] = []
      for element in elements {
        guard let part = Self.atomText(element) ?? Self.taggedScalarText(element) else { return nil }
        parts.append(part)
      }
      text = "[" + parts.joined(separator: ", ") + "]"
    case .object:
      guard let tagged = Self.taggedScalarText(value) else { return nil }
      text = tagged
    default:
      text = Self.scalarText(value)
    }
    return text.unicodeScalars.count <= room ? text : nil
  }

  /// The one-line text of a single-member object whose value is a scalar.
  private static func taggedScalarText(_ value: JSONValue) -> String? {
    guard case .object(let members) = value.kind, members.count == 1, let text = atomText(members[0].value) else {
      return nil
    }
    return "{" + quoted(members[0].key) + ": " + text + "}"
  }

  /// The text of a scalar or an empty container.
  private static func atomText(_ value: JSONValue) -> String? {
    switch value.kind {
    case .array(let elements): elements.isEmpty ? "[]" : nil
    case .object(let members): members.isEmpty ? "{}" : nil
    default: scalarText(value)
    }
  }

  private static func scalarText(_ value: JSONValue) -> String {
    switch value.kind {
    case .null: "null"
    case .bool(let flag): flag ? "true" : "false"
    case .number(let literal): literal
    case .string(let string): quoted(string)
    case .array, .object: preconditionFailure("not a scalar")
    }
  }

  /// `string` as a JSON string literal.
  static func quoted(_ string: String) -> String {
    var output = "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      case "\u{00}"..."\u{1F}", "\u{7F}"..."\u{9F}", "\u{2028}", "\u{2029}":
        let hex = String(scalar.value, radix: 16, uppercase: true)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
    return output
  }
}
