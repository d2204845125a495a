import DubboHessian
import Foundation
import NIOCore
import Testing

/// The byte-identity column of CASES.md: whether our encoder can reproduce Caucho's bytes exactly.
enum ByteIdentity: String, Sendable {
  /// Y: byte-identical.
  case identical = "Y"
  /// F: identical when the classes are written in Caucho's field order (hessian-lite writes the
  /// reverse).
  case cauchoFieldOrder = "F"
  /// B: binary chunk sizes follow Caucho's 8 KiB output buffer; compared structurally.
  case bufferChunking = "B"
  /// N: JVM stack traces or JDK-internal layout; compared structurally.
  case notReproducible = "N"
}

/// How the Caucho-order encoding of an F case is obtained.
enum CauchoOrderVariant: Sendable {
  /// The test POJOs of `InteropModels.swift` write Caucho order while `FieldOrder.current` is
  /// `.caucho`.
  case fieldOrderSetting
  /// The objects are DubboHessian's Java types, which write hessian-lite order only: their
  /// encoding is decoded into `HessianValue`, every object's fields are reversed (hessian-lite
  /// order is Caucho order reversed, CASES.md) and the result is encoded again. So the bytes match
  /// Caucho's only if the library wrote exactly the hessian-lite order. Only for values that share
  /// no instances (re-encoding a `HessianValue` writes copies, not back-references).
  case reversedObjectFields
}

/// One value of a case: how Swift writes it and how a decoded value is checked.
struct InteropValue: Sendable {
  /// Writes the value (as generated code would, or with explicit back-references where Java
  /// shares an instance).
  let write: @Sendable (inout HessianEncoder) -> Void
  /// Decodes one value into the Swift type and compares it with the expectation.
  /// - Returns: `nil` when equal, else a description of the difference.
  let verify: @Sendable (inout HessianDecoder) throws -> String?
}

extension InteropValue {
  /// A value written through its own coding and compared with `==`.
  static func value<T: HessianCodable & Equatable>(_ expected: T) -> Self {
    value(expected, equals: { $0 == $1 })
  }

  /// A value written through its own coding and compared with `equals`.
  static func value<T: HessianCodable>(_ expected: T, equals: @escaping @Sendable (T, T) -> Bool) -> Self {
    InteropValue(write: { $0.encode(expected) }, verify: { try verifyDecoding(expected, from: &$0, equals: equals) })
  }

  /// A value whose Java form shares an instance (Java writes a back-reference, `0x51`, for the
  /// second occurrence): `write` writes that form; decoding reads the shared parts as copies.
  static func value<T: HessianCodable & Equatable>(
    _ expected: T,
    writtenAs write: @escaping @Sendable (inout HessianEncoder) -> Void
  ) -> Self {
    InteropValue(write: write, verify: { try verifyDecoding(expected, from: &$0, equals: { $0 == $1 }) })
  }

  /// A Dubbo parameter-type descriptor string (`Lcom/foo/Bar;I`), written from `types` and read
  /// back through `JavaType.parameterTypes(descriptor:)`.
  static func parameterTypes(_ types: [JavaType]) -> Self {
    let descriptor = JavaType.descriptor(of: types)
    return InteropValue(
      write: { $0.writeString(descriptor) },
      verify: { decoder in
        let text = try decoder.decode(String.self)
        let decoded = try JavaType.parameterTypes(descriptor: text)
        return decoded == types && text == descriptor
          ? nil : "expected parameter types \(types) (\(descriptor)), got \(decoded) (\(text))"
      })
  }

  /// A Java `double`, compared bit for bit like `Double.equals` (NaN equals NaN, 0.0 is not -0.0).
  static func double(_ expected: Double) -> Self {
    value(expected, equals: { $0.bitPattern == $1.bitPattern })
  }

  private static func verifyDecoding<T: HessianDecodable>(
    _ expected: T,
    from decoder: inout HessianDecoder,
    equals: (T, T) -> Bool
  ) throws -> String? {
    let decoded = try decoder.decode(T.self)
    return equals(expected, decoded) ? nil : Mismatch.describe(expected: expected, actual: decoded)
  }
}

/// One case of the harness (CASES.md): the values of one Hessian stream.
struct InteropCase: Sendable, CustomTestStringConvertible {
  /// The case's number in CASES.md.
  let number: Int
  /// The case's name: the harness's `<name>.bin`.
  let name: String
  let identity: ByteIdentity
  let cauchoVariant: CauchoOrderVariant
  let values: [InteropValue]

  init(
    _ number: Int,
    _ name: String,
    _ identity: ByteIdentity,
    cauchoVariant: CauchoOrderVariant = .fieldOrderSetting,
    _ values: [InteropValue]
  ) {
    self.number = number
    self.name = name
    self.identity = identity
    self.cauchoVariant = cauchoVariant
    self.values = values
  }

  var testDescription: String { "\(number) \(name)" }

  /// The values written to one stream (one encoder), POJOs in `order`.
  func encoded(order: FieldOrder) -> [UInt8] {
    if order == .caucho, cauchoVariant == .reversedObjectFields {
      return Self.reversingObjectFields(of: encoded(order: .hessianLite), valueCount: values.count)
    }
    return FieldOrder.$current.withValue(order) {
      var encoder = HessianEncoder()
      for value in values { value.write(&encoder) }
      return Array(encoder.buffer.readableBytesView)
    }
  }

  /// Decodes `bytes` into one `HessianValue` per value of the case.
  func dynamicValues(of bytes: [UInt8]) throws -> (values: [HessianValue], isAtEnd: Bool) {
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
    var decoded: [HessianValue] = []
    for _ in values { decoded.append(try decoder.decodeValue()) }
    return (decoded, decoder.isAtEnd)
  }

  private static func reversingObjectFields(of bytes: [UInt8], valueCount: Int) -> [UInt8] {
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
    var encoder = HessianEncoder()
    for _ in 0..<valueCount {
      // Our own bytes: decoding them cannot fail unless the decoder or encoder is broken, which the
      // round trip of the other tests reports.
      guard let value = try? decoder.decodeValue() else { return [] }
      encoder.encode(reversingObjectFields(value))
    }
    return Array(encoder.buffer.readableBytesView)
  }

  private static func reversingObjectFields(_ value: HessianValue) -> HessianValue {
    switch value {
    case .list(var list):
      list.elements = list.elements.map(reversingObjectFields)
      return .list(list)
    case .map(var map):
      map.entries = map.entries.map {
        .init(key: reversingObjectFields($0.key), value: reversingObjectFields($0.value))
      }
      return .map(map)
    case .object(var object):
      object.fields = object.fields.reversed().map { .init(name: $0.name, value: reversingObjectFields($0.value)) }
      return .object(object)
    default:
      return value
    }
  }
}

/// Readable descriptions of differences.
enum Mismatch {
  /// "expected …, got …", cut around the first difference when the descriptions are long.
  static func describe<T>(expected: T, actual: T) -> String {
    if let expected = expected as? Data, let actual = actual as? Data {
      let index = zip(expected, actual).prefix { $0 == $1 }.count
      return "expected \(expected.count) bytes, got \(actual.count) bytes, first difference at index \(index)"
    }
    let expectedText = String(reflecting: expected)
    let actualText = String(reflecting: actual)
    guard expectedText.count + actualText.count > 600 else { return "expected \(expectedText), got \(actualText)" }
    let index = zip(expectedText, actualText).prefix { $0 == $1 }.count
    return "expected \(excerpt(expectedText, around: index)), got \(excerpt(actualText, around: index)) "
      + "(the descriptions differ at character \(index))"
  }

  static func excerpt(_ text: String, around index: Int, radius: Int = 120) -> String {
    let start = max(0, index - radius)
    let end = min(text.count, index + radius)
    let from = text.index(text.startIndex, offsetBy: start)
    let to = text.index(text.startIndex, offsetBy: end)
    return (start > 0 ? "…" : "") + text[from..<to] + (end < text.count ? "…" : "")
  }

  /// The first difference between two byte strings, with hex context; `nil` when equal.
  static func hexDiff(expected: [UInt8], actual: [UInt8], expectedName: String, actualName: String) -> String? {
    guard expected != actual else { return nil }
    let offset = zip(expected, actual).prefix { $0 == $1 }.count
    let start = max(0, offset - 24)
    func line(_ name: String, _ bytes: [UInt8]) -> String {
      let end = min(bytes.count, offset + 24)
      let hex = (start..<end).map { index in
        let byte = (bytes[index] < 0x10 ? "0" : "") + String(bytes[index], radix: 16, uppercase: true)
        return index == offset ? "[\(byte)]" : byte
      }
      let tail = end < bytes.count ? " …" : offset >= bytes.count ? " [end]" : ""
      return
        "  \(name + String(repeating: " ", count: max(0, 6 - name.count))) @\(start): \(hex.joined(separator: " "))\(tail)"
    }
    return "first difference at byte offset \(offset) (0x\(String(offset, radix: 16, uppercase: true))); "
      + "\(expectedName) has \(expected.count) bytes, \(actualName) \(actual.count)\n"
      + line(expectedName, expected) + "\n" + line(actualName, actual)
  }

  /// The path of the first difference between two dynamic values (doubles compared bit for bit).
  static func firstDifference(_ expected: HessianValue, _ actual: HessianValue, path: String) -> String? {
    switch (expected, actual) {
    case (.double(let lhs), .double(let rhs)):
      return lhs.bitPattern == rhs.bitPattern ? nil : "\(path): expected \(lhs), got \(rhs)"
    case (.binary(let lhs), .binary(let rhs)):
      guard lhs != rhs else { return nil }
      let index = zip(lhs, rhs).prefix { $0 == $1 }.count
      return "\(path): expected \(lhs.count) bytes, got \(rhs.count) bytes, first difference at index \(index)"
    case (.string(let lhs), .string(let rhs)):
      guard lhs != rhs else { return nil }
      let index = zip(lhs.utf16, rhs.utf16).prefix { $0 == $1 }.count
      return "\(path): expected a string of \(lhs.utf16.count) UTF-16 units, got \(rhs.utf16.count), "
        + "first difference at unit \(index): \(describe(expected: lhs, actual: rhs))"
    case (.list(let lhs), .list(let rhs)):
      if lhs.type != rhs.type { return "\(path): expected list type \(lhs.type ?? "nil"), got \(rhs.type ?? "nil")" }
      if lhs.elements.count != rhs.elements.count {
        return "\(path): expected \(lhs.elements.count) elements, got \(rhs.elements.count)"
      }
      for (index, pair) in zip(lhs.elements, rhs.elements).enumerated() {
        if let difference = firstDifference(pair.0, pair.1, path: "\(path)[\(index)]") { return difference }
      }
      return nil
    case (.map(let lhs), .map(let rhs)):
      if lhs.type != rhs.type { return "\(path): expected map type \(lhs.type ?? "nil"), got \(rhs.type ?? "nil")" }
      if lhs.entries.count != rhs.entries.count {
        return "\(path): expected \(lhs.entries.count) entries, got \(rhs.entries.count)"
      }
      for (index, pair) in zip(lhs.entries, rhs.entries).enumerated() {
        if let difference = firstDifference(pair.0.key, pair.1.key, path: "\(path).keys[\(index)]")
          ?? firstDifference(pair.0.value, pair.1.value, path: "\(path).values[\(index)]")
        {
          return difference
        }
      }
      return nil
    case (.object(let lhs), .object(let rhs)):
      if lhs.className != rhs.className { return "\(path): expected class \(lhs.className), got \(rhs.className)" }
      if lhs.fields.map(\.name) != rhs.fields.map(\.name) {
        return "\(path): expected fields \(lhs.fields.map(\.name)), got \(rhs.fields.map(\.name))"
      }
      for (lhsField, rhsField) in zip(lhs.fields, rhs.fields) {
        if let difference = firstDifference(lhsField.value, rhsField.value, path: "\(path).\(lhsField.name)") {
          return difference
        }
      }
      return nil
    default:
      return expected == actual ? nil : "\(path): \(describe(expected: expected, actual: actual))"
    }
  }
}
