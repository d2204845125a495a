import DubboHessian
import Foundation

/// JSON helpers for the fastjson serialization, over Foundation's parser.
enum JSONText {
  /// A JSON string literal, escaped as fastjson escapes (quotes, backslashes, control characters).
  static func quoted(_ string: String) -> [UInt8] {
    var out: [UInt8] = [UInt8(ascii: "\"")]
    out.reserveCapacity(string.utf8.count + 2)
    for byte in string.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
      case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
      case 0..<0x20: out += Array(String(format: "\\u%04x", byte).utf8)
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
    return out
  }

  static func serialize(_ object: [String: Any]) throws -> [UInt8] {
    Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
  }

  static func parse(_ line: [UInt8]) throws -> Any {
    do {
      return try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
    } catch {
      throw DubboSerializationError("invalid JSON: \(String(decoding: line.prefix(200), as: UTF8.self))")
    }
  }

  /// Rejects text nested deeper than `maxDepth` before it reaches the recursive parser.
  static func checkDepth(_ line: [UInt8], maxDepth: Int) throws {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in line {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > maxDepth { throw DubboSerializationError("JSON nested deeper than \(maxDepth) levels") }
      case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
      default: continue
      }
    }
  }

  /// The Foundation value for an attachment.
  static func foundationValue(_ value: HessianValue) -> Any {
    switch value {
    case .null: NSNull()
    case .bool(let value): value
    case .int(let value): value
    case .long(let value): value
    case .double(let value): value
    case .string(let value): value
    default: value.javaStringValue
    }
  }

  /// The Foundation form of a whole value, for `JSONSerialization` (see
  /// ``HessianValue/encodeJSON()``).
  static func foundationTree(_ value: HessianValue) -> Any {
    switch value {
    case .double(let number) where !number.isFinite: NSNull()
    case .date(let milliseconds): milliseconds
    case .binary(let bytes): Data(bytes).base64EncodedString()
    case .list(let list): list.elements.map(foundationTree)
    case .map(let map):
      Dictionary(map.entries.map { ($0.key.javaStringValue, foundationTree($0.value)) }) { first, _ in first }
    case .object(let object):
      Dictionary(object.fields.map { ($0.name, foundationTree($0.value)) }) { first, _ in first }
    case .reference: NSNull()
    default: foundationValue(value)
    }
  }

  /// The generic value of a whole parsed JSON value (see ``HessianValue/decodeJSON(_:)``).
  static func hessianTree(_ value: Any) -> HessianValue {
    switch value {
    case let array as [Any]: .list(HessianList(elements: array.map(hessianTree)))
    case let object as [String: Any]:
      .map(
        HessianMap(
          entries: object.sorted { $0.key < $1.key }.map { .init(key: .string($0.key), value: hessianTree($0.value)) }))
    default: hessianValue(value)
    }
  }

  /// The attachment value for a parsed JSON value.
  static func hessianValue(_ value: Any) -> HessianValue {
    switch value {
    case is NSNull: return .null
    case let string as String: return .string(string)
    case let number as NSNumber:
      if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
      // Integers are read from their digits: going through `doubleValue` would round longs
      // above 2^53 (9007199254740993 would arrive as 9007199254740992).
      let text = number.stringValue
      if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let long = Int64(text) {
        return Int32(exactly: long).map(HessianValue.int) ?? .long(long)
      }
      return .double(number.doubleValue)
    default:
      return .string(String(describing: value))
    }
  }
}
