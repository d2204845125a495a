import DubboHessian
import Foundation

/// The JSON `dubbo call` prints for a result: plain JSON, with the Java class names the result
/// carries.
///
/// Generalized objects are maps with a `"class"` member and print as JSON objects; an object that
/// came as itself prints as `{"class": "…", fields…}`. Numbers of every width print as numbers,
/// dates as UTC text, `byte[]` as base64, map keys that are not strings as their JSON text.
enum ResultJSON {
  /// The JSON of `value`.
  static func json(for value: HessianValue) -> JSONValue {
    switch value {
    case .null: return .null
    case .bool(let flag): return .bool(flag)
    case .int(let number): return .integer(number)
    case .long(let number): return .integer(number)
    case .double(let number):
      guard number.isFinite else { return .string(number.isNaN ? "NaN" : number < 0 ? "-Infinity" : "Infinity") }
      return .number(number)
    case .string(let text): return .string(text)
    case .date(let milliseconds):
      return ISODate.string(millisecondsSince1970: milliseconds).map(JSONValue.string) ?? .integer(milliseconds)
    case .binary(let bytes): return .string(Data(bytes).base64EncodedString())
    case .list(let list): return .array(list.elements.map(json(for:)))
    case .map(let map):
      return .object(map.entries.map { JSONMember(keyText($0.key), json(for: $0.value)) })
    case .object(let object):
      return .object(
        [JSONMember("class", .string(object.className))]
          + object.fields.map { JSONMember($0.name, json(for: $0.value)) })
    case .reference(let index): return .object([JSONMember(HessianJSON.Tag.ref, .integer(index))])
    }
  }

  /// The text of the JSON of `value`, pretty-printed.
  static func text(for value: HessianValue) -> String {
    JSONWriter().render(json(for: value))
  }

  private static func keyText(_ key: HessianValue) -> String {
    if case .string(let text) = key { return text }
    return JSONWriter(lineWidth: .max).render(json(for: key))
  }
}
