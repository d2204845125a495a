import DubboHessian
import Foundation
import NIOCore

/// `fastjson` (id 6): every item of a body is one JSON text on its own line, as Java Dubbo's
/// `FastJsonObjectOutput` writes it (`println` after each item, no class names).
///
/// Values travel through their ``DubboSerializable/encodeJSON()`` form (their `Codable` or
/// proto3 JSON form). Exceptions do not survive this format in Java (the reader gets a JSON
/// object, not a Throwable); this serialization writes and reads the class name and message so at
/// least those reach a Swift peer.
public struct FastjsonSerialization: DubboSerialization {
  /// Creates the serialization.
  public init() {}

  /// 6.
  public var id: DubboSerializationID { .fastjson }
  /// `fastjson`.
  public var name: String { "fastjson" }
  /// `null` and a line break.
  public var nullBody: [UInt8] { Array("null\n".utf8) }

  /// Starts a body.
  public func makeOutput() -> any DubboObjectOutput {
    FastjsonObjectOutput()
  }

  /// Reads a body.
  public func makeInput(body: ByteBuffer, limits: HessianDecodingLimits) -> any DubboObjectInput {
    FastjsonObjectInput(body: body, maxDepth: limits.maxDepth)
  }
}

struct FastjsonObjectOutput: DubboObjectOutput {
  var bytes: [UInt8] = []

  private mutating func writeLine(_ text: [UInt8]) {
    bytes += text
    bytes.append(UInt8(ascii: "\n"))
  }

  mutating func writeString(_ value: String?) throws {
    writeLine(value.map(JSONText.quoted) ?? Array("null".utf8))
  }

  mutating func writeInt(_ value: Int32) throws {
    writeLine(Array(String(value).utf8))
  }

  mutating func writeValue<Value: DubboSerializable>(_ value: Value) throws {
    writeLine(try value.encodeJSON())
  }

  mutating func writeThrowable(_ throwable: JavaThrowable) throws {
    var object: [String: Any] = ["@type": throwable.className, "stackTrace": [Any](), "suppressed": [Any]()]
    if let message = throwable.message {
      object["message"] = message
      object["localizedMessage"] = message
    }
    writeLine(try JSONText.serialize(object))
  }

  mutating func writeAttachments(_ attachments: DubboAttachments) throws {
    var object: [String: Any] = [:]
    for (key, value) in attachments { object[key] = JSONText.foundationValue(value) }
    writeLine(try JSONText.serialize(object))
  }

  func write(to buffer: inout ByteBuffer) {
    buffer.writeBytes(bytes)
  }
}

struct FastjsonObjectInput: DubboObjectInput {
  var body: ByteBuffer
  let maxDepth: Int

  /// The next line without its line break; a missing or blank line is the end of the body,
  /// which Java reports as an EOF error.
  private mutating func readLine() throws -> [UInt8] {
    guard body.readableBytes > 0 else { throw DubboSerializationError("fastjson body ended early (EOF)") }
    let view = body.readableBytesView
    let end = view.firstIndex(of: UInt8(ascii: "\n")) ?? view.endIndex
    var line = Array(view[view.startIndex..<end])
    body.moveReaderIndex(forwardBy: end - view.startIndex + (end == view.endIndex ? 0 : 1))
    if line.last == UInt8(ascii: "\r") { line.removeLast() }
    guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else {
      throw DubboSerializationError("fastjson body has a blank line where a value was expected (EOF)")
    }
    try JSONText.checkDepth(line, maxDepth: maxDepth)
    return line
  }

  mutating func readString() throws -> String? {
    switch try JSONText.parse(readLine()) {
    case let string as String: return string
    case is NSNull: return nil
    case let other: throw DubboSerializationError("expected a JSON string, found \(other)")
    }
  }

  mutating func readInt() throws -> Int32 {
    let line = try readLine()
    guard let value = Int32(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)) else {
      throw DubboSerializationError("expected a JSON integer, found '\(String(decoding: line, as: UTF8.self))'")
    }
    return value
  }

  mutating func readValue<Value: DubboSerializable>(_ type: Value.Type) throws -> Value {
    try Value.decodeJSON(readLine())
  }

  mutating func readThrowable() throws -> JavaThrowable {
    guard let object = try JSONText.parse(readLine()) as? [String: Any] else {
      throw DubboSerializationError("expected an exception as a JSON object")
    }
    return JavaThrowable(
      className: object["@type"] as? String ?? "java.lang.Throwable",
      message: object["message"] as? String
    )
  }

  mutating func readAttachments() throws -> DubboAttachments {
    var attachments = DubboAttachments()
    guard body.readableBytes > 0 else { return attachments }
    guard let object = try JSONText.parse(readLine()) as? [String: Any] else {
      throw DubboSerializationError("expected the attachments as a JSON object")
    }
    for key in object.keys.sorted() { attachments[key] = JSONText.hessianValue(object[key]!) }
    return attachments
  }
}
