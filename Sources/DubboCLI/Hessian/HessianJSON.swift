import DubboHessian
import Foundation

/// The JSON form of a ``HessianValue`` that `dubbo hessian decode` prints and `dubbo hessian
/// encode` reads: readable, lossless and unambiguous.
///
/// The common kinds are plain JSON; the others are objects with one `$` tag that names the kind:
///
/// | Hessian value                   | JSON                                                     |
/// |---------------------------------|----------------------------------------------------------|
/// | `null`                          | `null`                                                   |
/// | boolean                         | `true`, `false`                                          |
/// | int (also byte, short)          | a bare integer: `42`                                     |
/// | string                          | a string: `"héllo 😀"`                                   |
/// | long                            | `{"$long": 42}` (a string such as `"42"` is also read)   |
/// | double (also float)             | `{"$double": 1.5}`; `"NaN"`, `"Infinity"`, `"-Infinity"`; a NaN with other bits as `"NaN(0x7FF0000000000001)"` |
/// | date                            | `{"$date": "2023-11-14T22:13:20.000Z"}` (UTC, milliseconds); years outside 0000–9999 as milliseconds since 1970: `{"$date": -62198755200001}` |
/// | binary (`byte[]`)               | `{"$binary": "3q2+7w=="}` (base64)                       |
/// | untyped list (`ArrayList`)      | an array: `[1, 2]`                                       |
/// | typed list or array             | `{"$type": "[int", "$list": [1, 2]}`                     |
/// | map                             | `{"$map": {"a": 1}}` when every key is a distinct string, else `{"$map": [[1, "one"], [{"$long": 2}, "two"]]}`; typed maps add `"$type": "java.util.TreeMap"` |
/// | object                          | `{"$class": "com.foo.User", "age": 30, "name": "Ann"}`, fields in order; a field named `$x` is written `"$$x"` |
/// | back-reference                  | `{"$ref": 3}`: the 4th list, map or object of the stream |
///
/// Member order is kept everywhere (objects' fields, maps' entries) and may repeat a key (a Java
/// class can have two fields of the same name from a superclass). Reading is strict: a bare
/// number must be an integer that fits an `int`, a JSON object must carry exactly one kind tag,
/// and an unknown `$` tag is an error, so every JSON text means exactly one Hessian value.
///
/// Encoding the value read back writes the forms hessian-lite picks (shortest int forms, fixed-
/// length lists, compact doubles…), so a payload Java wrote round-trips byte for byte.
enum HessianJSON {
  /// The JSON form of `value`.
  static func json(for value: HessianValue) -> JSONValue {
    switch value {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .integer(number)
    case .string(let string): return .string(string)
    case .long(let number): return tagged(Tag.long, .integer(number))
    case .double(let number): return tagged(Tag.double, doubleJSON(number))
    case .date(let milliseconds):
      if let text = ISODate.string(millisecondsSince1970: milliseconds) {
        return tagged(Tag.date, .string(text))
      }
      return tagged(Tag.date, .integer(milliseconds))
    case .binary(let bytes): return tagged(Tag.binary, .string(Data(bytes).base64EncodedString()))
    case .list(let list):
      let elements = JSONValue.array(list.elements.map(json(for:)))
      guard let type = list.type else { return elements }
      return .object([JSONMember(Tag.type, .string(type)), JSONMember(Tag.list, elements)])
    case .map(let map):
      var members: [JSONMember] = []
      if let type = map.type { members.append(JSONMember(Tag.type, .string(type))) }
      members.append(JSONMember(Tag.map, entriesJSON(map.entries)))
      return .object(members)
    case .object(let object):
      var members = [JSONMember(Tag.class, .string(object.className))]
      for field in object.fields {
        members.append(JSONMember(field.name.hasPrefix("$") ? "$" + field.name : field.name, json(for: field.value)))
      }
      return .object(members)
    case .reference(let index): return tagged(Tag.ref, .integer(index))
    }
  }

  /// The JSON text of one value, pretty-printed.
  static func text(for value: HessianValue) -> String {
    JSONWriter().render(json(for: value))
  }

  /// The JSON text of a stream of values: an array of them, pretty-printed.
  static func text(forStream values: [HessianValue]) -> String {
    JSONWriter().render(.array(values.map(json(for:))))
  }

  /// Reads the value that JSON text describes.
  /// - Throws: ``JSONError`` with the line and column of malformed JSON or of JSON that describes
  ///   no Hessian value.
  static func value(fromJSON text: [UInt8]) throws(JSONError) -> HessianValue {
    var reader = Reader(source: text)
    return try reader.value(from: try JSONParser.parse(text))
  }

  /// Reads the values of a stream from JSON text holding an array of them; back-references count
  /// the lists, maps and objects of all the values, as in one Hessian stream.
  /// - Throws: ``JSONError`` as ``value(fromJSON:)`` does, and when the text is not an array.
  static func values(fromJSONStream text: [UInt8]) throws(JSONError) -> [HessianValue] {
    let json = try JSONParser.parse(text)
    var reader = Reader(source: text)
    guard case .array(let elements) = json.kind else {
      throw reader.error("a stream must be a JSON array of values", at: json)
    }
    var values: [HessianValue] = []
    for element in elements { values.append(try reader.value(from: element)) }
    return values
  }

  /// The tags of the JSON form.
  enum Tag {
    static let long = "$long"
    static let double = "$double"
    static let date = "$date"
    static let binary = "$binary"
    static let list = "$list"
    static let map = "$map"
    static let type = "$type"
    static let `class` = "$class"
    static let ref = "$ref"

    /// The tags that say what kind of value an object is, one per object.
    static let kinds = [long, double, date, binary, list, map, `class`, ref]
  }

  private static func tagged(_ tag: String, _ value: JSONValue) -> JSONValue {
    .object([JSONMember(tag, value)])
  }

  /// Java's canonical NaN, the bits `Double.doubleToLongBits` writes for every NaN.
  static let canonicalNaNBits: UInt64 = 0x7FF8_0000_0000_0000

  private static func doubleJSON(_ number: Double) -> JSONValue {
    if number.isFinite { return .number(number) }
    if number.isNaN {
      if number.bitPattern == canonicalNaNBits { return .string("NaN") }
      return .string("NaN(0x" + hex16(number.bitPattern) + ")")
    }
    return .string(number < 0 ? "-Infinity" : "Infinity")
  }

  static func hex16(_ bits: UInt64) -> String {
    let hex = String(bits, radix: 16, uppercase: true)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  private static func entriesJSON(_ entries: [HessianMap.Entry]) -> JSONValue {
    var keys = Set<String>()
    var members: [JSONMember] = []
    for entry in entries {
      guard case .string(let key) = entry.key, keys.insert(key).inserted else {
        return .array(entries.map { .array([json(for: $0.key), json(for: $0.value)]) })
      }
      members.append(JSONMember(key, json(for: entry.value)))
    }
    return .object(members)
  }
}

extension HessianJSON {
  /// Turns parsed JSON into Hessian values, counting the lists, maps and objects read so far so
  /// that a `{"$ref": n}` can be checked against them.
  struct Reader {
    /// The text the JSON was parsed from, for error locations.
    let source: [UInt8]
    /// How many lists, maps and objects (reference slots) the values read so far hold.
    private(set) var referenceCount = 0

    init(source: [UInt8]) {
      self.source = source
    }

    func error(_ message: String, at value: JSONValue) -> JSONError {
      JSONError(message, at: value.offset ?? 0, in: source)
    }

    func error(_ message: String, at member: JSONMember) -> JSONError {
      JSONError(message, at: member.keyOffset ?? member.value.offset ?? 0, in: source)
    }

    /// The Hessian value `json` describes.
    mutating func value(from json: JSONValue) throws(JSONError) -> HessianValue {
      switch json.kind {
      case .null: return .null
      case .bool(let flag): return .bool(flag)
      case .string(let string): return .string(string)
      case .number(let literal):
        guard Self.isIntegerLiteral(literal) else {
          throw error(
            "\(literal) is not a Java int: write {\"$double\": \(literal)} for a double",
            at: json
          )
        }
        guard let number = Int32(literal) else {
          throw error(
            "\(literal) does not fit a Java int: write {\"$long\": \(literal)} for a long",
            at: json
          )
        }
        return .int(number)
      case .array(let elements):
        referenceCount += 1
        var values: [HessianValue] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try value(from: element)) }
        return .list(HessianList(elements: values))
      case .object(let members):
        return try taggedValue(json, members)
      }
    }

    private mutating func taggedValue(_ json: JSONValue, _ members: [JSONMember]) throws(JSONError) -> HessianValue {
      var kind: JSONMember?
      var type: JSONMember?
      var fields: [JSONMember] = []
      for member in members {
        if member.key.hasPrefix("$$") || !member.key.hasPrefix("$") {
          fields.append(member)
        } else if member.key == Tag.type {
          guard type == nil else { throw error("\"$type\" appears twice", at: member) }
          type = member
        } else if Tag.kinds.contains(member.key) {
          if let kind {
            throw error(
              "\"\(member.key)\" in an object that already has \"\(kind.key)\": use one tag per value", at: member)
          }
          kind = member
        } else {
          throw error(
            "unknown tag \"\(member.key)\" (the tags are \(Tag.kinds.joined(separator: ", ")) and $type; "
              + "write a field named \"\(member.key)\" as \"$\(member.key)\")",
            at: member
          )
        }
      }
      guard let kind else {
        let what = fields.isEmpty ? "an empty JSON object" : "a JSON object without a tag"
        throw error(
          "\(what) is no Hessian value: write {\"$class\": \"…\", …} for an object or {\"$map\": {…}} for a map",
          at: json
        )
      }
      if let type, kind.key != Tag.list, kind.key != Tag.map {
        throw error("\"$type\" only goes with \"$list\" or \"$map\"", at: type)
      }
      if kind.key != Tag.class, let field = fields.first {
        throw error("unexpected member \"\(field.key)\" beside \"\(kind.key)\"", at: field)
      }
      let typeName = try type.map { member throws(JSONError) in try string(member.value, for: Tag.type) }
      let content = kind.value
      switch kind.key {
      case Tag.long: return .long(try long(content))
      case Tag.double: return .double(try double(content))
      case Tag.date: return .date(millisecondsSince1970: try date(content))
      case Tag.binary:
        let text = try string(content, for: Tag.binary)
        guard let data = Data(base64Encoded: text) else {
          throw error("\"$binary\" needs base64 text (RFC 4648, with padding)", at: content)
        }
        return .binary([UInt8](data))
      case Tag.list:
        guard case .array(let elements) = content.kind else {
          throw error("\"$list\" needs an array of values", at: content)
        }
        referenceCount += 1
        var values: [HessianValue] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try value(from: element)) }
        return .list(HessianList(type: typeName, elements: values))
      case Tag.map:
        referenceCount += 1
        return .map(HessianMap(type: typeName, entries: try mapEntries(content)))
      case Tag.class:
        let className = try string(content, for: Tag.class)
        referenceCount += 1
        var objectFields: [HessianObject.Field] = []
        objectFields.reserveCapacity(fields.count)
        for field in fields {
          let name = field.key.hasPrefix("$$") ? String(field.key.dropFirst()) : field.key
          objectFields.append(HessianObject.Field(name: name, value: try value(from: field.value)))
        }
        return .object(HessianObject(className: className, fields: objectFields))
      default:  // Tag.ref
        guard case .number(let literal) = content.kind, Self.isIntegerLiteral(literal), let index = Int(literal),
          index >= 0
        else {
          throw error("\"$ref\" needs the index of a list, map or object (an integer from 0)", at: content)
        }
        guard index < referenceCount else {
          let preceding =
            referenceCount == 1 ? "1 list, map or object precedes" : "\(referenceCount) lists, maps or objects precede"
          throw error("{\"$ref\": \(index)} refers to value #\(index), but only \(preceding) it", at: content)
        }
        return .reference(index)
      }
    }

    private mutating func mapEntries(_ content: JSONValue) throws(JSONError) -> [HessianMap.Entry] {
      var entries: [HessianMap.Entry] = []
      switch content.kind {
      case .object(let members):
        for member in members {
          entries.append(HessianMap.Entry(key: .string(member.key), value: try value(from: member.value)))
        }
      case .array(let pairs):
        for pair in pairs {
          guard case .array(let keyValue) = pair.kind, keyValue.count == 2 else {
            throw error("a \"$map\" entry must be a [key, value] array", at: pair)
          }
          let key = try value(from: keyValue[0])
          entries.append(HessianMap.Entry(key: key, value: try value(from: keyValue[1])))
        }
      default:
        throw error("\"$map\" needs an object (string keys) or an array of [key, value] pairs", at: content)
      }
      return entries
    }

    private func string(_ json: JSONValue, for tag: String) throws(JSONError) -> String {
      guard case .string(let string) = json.kind else { throw error("\"\(tag)\" needs a string", at: json) }
      return string
    }

    private func long(_ json: JSONValue) throws(JSONError) -> Int64 {
      let literal: String
      switch json.kind {
      case .number(let text): literal = text
      case .string(let text): literal = text
      default: throw error("\"$long\" needs an integer", at: json)
      }
      let digits = literal.hasPrefix("-") ? literal.dropFirst() : Substring(literal)
      guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
        throw error("\"$long\" needs an integer, not \(literal)", at: json)
      }
      guard let number = Int64(literal) else { throw error("\(literal) does not fit a Java long", at: json) }
      return number
    }

    private func double(_ json: JSONValue) throws(JSONError) -> Double {
      switch json.kind {
      case .number(let literal):
        guard let number = Double(literal), number.isFinite else {
          throw error("\(literal) is beyond the range of a double (write \"Infinity\" for infinity)", at: json)
        }
        return number
      case .string("NaN"): return .nan
      case .string("Infinity"): return .infinity
      case .string("-Infinity"): return -.infinity
      case .string(let text) where text.hasPrefix("NaN(0x") && text.hasSuffix(")"):
        let digits = text.dropFirst(6).dropLast()
        guard digits.count == 16, let bits = UInt64(digits, radix: 16), Double(bitPattern: bits).isNaN else {
          throw error("\(text) is not a NaN: write NaN(0x followed by the 16 hex digits of a NaN's bits)", at: json)
        }
        return Double(bitPattern: bits)
      default:
        throw error("\"$double\" needs a number, \"NaN\", \"Infinity\" or \"-Infinity\"", at: json)
      }
    }

    private func date(_ json: JSONValue) throws(JSONError) -> Int64 {
      switch json.kind {
      case .number(let literal):
        guard Self.isIntegerLiteral(literal), let milliseconds = Int64(literal) else {
          throw error("\"$date\" needs whole milliseconds since 1970 that fit a Java long, not \(literal)", at: json)
        }
        return milliseconds
      case .string(let text):
        guard let milliseconds = ISODate.milliseconds(from: text) else {
          throw error(
            "\"\(text)\" is not a UTC time like \"2023-11-14T22:13:20.000Z\" (or give milliseconds since 1970)",
            at: json
          )
        }
        return milliseconds
      default:
        throw error("\"$date\" needs a UTC time like \"2023-11-14T22:13:20.000Z\" or milliseconds since 1970", at: json)
      }
    }

    /// Whether a JSON number literal has no fraction or exponent.
    static func isIntegerLiteral(_ literal: String) -> Bool {
      !literal.contains { $0 == "." || $0 == "e" || $0 == "E" }
    }
  }
}
