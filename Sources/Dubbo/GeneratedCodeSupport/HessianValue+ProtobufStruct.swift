import DubboHessian
import Foundation
import SwiftProtobuf

extension HessianValue {
  /// A `google.protobuf.Value` as the `java.lang.Object` Java reads: null, `Double`, `String`,
  /// `Boolean`, a `HashMap` or an `ArrayList`.
  public init(_ value: Google_Protobuf_Value) {
    switch value.kind {
    case .nullValue, nil: self = .null
    case .numberValue(let number): self = .double(number)
    case .stringValue(let string): self = .string(string)
    case .boolValue(let bool): self = .bool(bool)
    case .structValue(let object): self = HessianValue(object)
    case .listValue(let list): self = .list(HessianList(elements: list.values.map(HessianValue.init)))
    }
  }

  /// A `google.protobuf.Struct` as a `java.util.HashMap` with string keys.
  public init(_ object: Google_Protobuf_Struct) {
    self = .map(
      HessianMap(
        entries: object.fields.inJavaHashMapOrder.map { .init(key: .string($0.key), value: HessianValue($0.value)) })
    )
  }
}

extension Google_Protobuf_Value {
  /// The closest `google.protobuf.Value` to a Java object: numbers and dates (as epoch
  /// milliseconds) become numbers, binary becomes base64 text, maps and objects become structs
  /// (keys as text), and a back-reference, which a value tree cannot hold, becomes null.
  public init(_ value: HessianValue) {
    self.init()
    switch value {
    case .null, .reference: kind = .nullValue(.nullValue)
    case .bool(let bool): kind = .boolValue(bool)
    case .int(let number): kind = .numberValue(Double(number))
    case .long(let number): kind = .numberValue(Double(number))
    case .double(let number): kind = .numberValue(number)
    case .string(let string): kind = .stringValue(string)
    case .binary(let bytes): kind = .stringValue(Data(bytes).base64EncodedString())
    case .date(let milliseconds): kind = .numberValue(Double(milliseconds))
    case .list(let list): kind = .listValue(Google_Protobuf_ListValue(values: list.elements.map(Self.init)))
    case .map, .object: kind = .structValue(Google_Protobuf_Struct(value))
    }
  }
}

extension Google_Protobuf_Struct {
  /// The fields of a Java map or object; any other value gives an empty struct.
  public init(_ value: HessianValue) {
    self.init()
    switch value {
    case .map(let map):
      for entry in map.entries {
        let key: String
        if case .string(let text) = entry.key { key = text } else { key = "\(entry.key)" }
        fields[key] = Google_Protobuf_Value(entry.value)
      }
    case .object(let object):
      for field in object.fields { fields[field.name] = Google_Protobuf_Value(field.value) }
    default:
      break
    }
  }
}
