import DubboHessian

/// The arguments of `dubbo call`: one JSON value each, read as a generic consumer sends them.
///
/// Plain JSON is what Java's `PojoUtils` generalizes to: numbers (an `int` when the integer fits,
/// else a `long`; a `double` with a fraction or exponent), strings, booleans, lists, and objects
/// as maps (a `"class"` member names the Java class). An object with a `$` tag is the exact
/// Hessian form of `dubbo hessian` (`{"$long": 7}`, `{"$date": "…"}`, `{"$class": …}`).
enum CallArguments {
  /// The values of the arguments, converted to `types` where they are given.
  /// - Throws: ``CommandFailure`` naming the argument whose JSON is malformed.
  static func values(_ texts: [String], types: [JavaType]?) throws -> [HessianValue] {
    try texts.enumerated().map { index, text in
      let source = Array(text.utf8)
      do {
        var reader = HessianJSON.Reader(source: source)
        let value = try value(from: try JSONParser.parse(source), reader: &reader)
        return types.map { converted(value, to: $0[index]) } ?? value
      } catch {
        throw CommandFailure("argument \(index + 1) (\(text)) is not valid: \(error)")
      }
    }
  }

  /// The Java type a JSON argument most plainly stands for, for hints: `java.lang.String`, `int`,
  /// `long`, `double`, `boolean`, the `class` of an object, `java.util.Map`, `java.util.List`.
  static func inferredType(of text: String) -> String {
    guard let json = try? JSONParser.parse(text) else { return "?" }
    switch json.kind {
    case .null: return "java.lang.Object"
    case .bool: return "boolean"
    case .string: return "java.lang.String"
    case .number(let literal):
      guard HessianJSON.Reader.isIntegerLiteral(literal) else { return "double" }
      return Int32(literal) == nil ? "long" : "int"
    case .array: return "java.util.List"
    case .object(let members):
      if case .string(let name)? = members.first(where: { $0.key == "class" })?.value.kind { return name }
      if case .string(let name)? = members.first(where: { $0.key == HessianJSON.Tag.class })?.value.kind {
        return name
      }
      return "java.util.Map"
    }
  }

  private static func value(from json: JSONValue, reader: inout HessianJSON.Reader) throws(JSONError) -> HessianValue {
    switch json.kind {
    case .number(let literal):
      if !HessianJSON.Reader.isIntegerLiteral(literal) {
        guard let number = Double(literal), number.isFinite else {
          throw reader.error("\(literal) is beyond the range of a double", at: json)
        }
        return .double(number)
      }
      if let number = Int32(literal) { return .int(number) }
      guard let number = Int64(literal) else { throw reader.error("\(literal) does not fit a Java long", at: json) }
      return .long(number)
    case .array(let elements):
      var values: [HessianValue] = []
      for element in elements { values.append(try value(from: element, reader: &reader)) }
      return .list(HessianList(elements: values))
    case .object(let members) where !members.contains(where: isTag):
      var entries: [HessianMap.Entry] = []
      for member in members {
        entries.append(
          HessianMap.Entry(key: .string(member.key), value: try value(from: member.value, reader: &reader)))
      }
      return .map(HessianMap(entries: entries))
    default:
      return try reader.value(from: json)
    }
  }

  private static func isTag(_ member: JSONMember) -> Bool {
    member.key.hasPrefix("$") && !member.key.hasPrefix("$$")
  }

  /// `value` as the declared type takes it where plain JSON cannot say: an integer for a `long`
  /// or a floating-point type, a date as ISO text or milliseconds. Anything else is left to the
  /// provider, which converts as Java's `PojoUtils.realize` does.
  static func converted(_ value: HessianValue, to type: JavaType) -> HessianValue {
    switch (value, type) {
    case (.int(let number), .long), (.int(let number), .object("java.lang.Long")):
      return .long(Int64(number))
    case (.int(let number), .double), (.int(let number), .float),
      (.int(let number), .object("java.lang.Double")), (.int(let number), .object("java.lang.Float")):
      return .double(Double(number))
    case (.long(let number), .double), (.long(let number), .object("java.lang.Double")):
      return .double(Double(number))
    case (.int(let number), .object("java.util.Date")):
      return .date(millisecondsSince1970: Int64(number))
    case (.long(let number), .object("java.util.Date")):
      return .date(millisecondsSince1970: number)
    case (.string(let text), .object("java.util.Date")):
      return ISODate.milliseconds(from: text).map { .date(millisecondsSince1970: $0) } ?? value
    case (.list(let list), .array(let element)):
      return .list(HessianList(type: list.type, elements: list.elements.map { converted($0, to: element) }))
    default:
      return value
    }
  }
}
