import DubboHessian
import Foundation
import NIOCore
import SwiftProtobuf
import Testing

@testable import Dubbo

// `Google_Protobuf_StringValue: DubboSerializable` is declared once for the whole test target,
// in EndToEnd/TestService.swift (a second declaration would be a redundant conformance).

@Suite struct ProtobufSerializationTests {
  static func body(_ write: (inout any DubboObjectOutput) throws -> Void) rethrows -> [UInt8] {
    var output = ProtobufSerialization().makeOutput()
    try write(&output)
    var buffer = ByteBuffer()
    output.write(to: &buffer)
    return WireFixtures.array(buffer)
  }

  static func input(_ bytes: [UInt8]) -> any DubboObjectInput {
    ProtobufSerialization().makeInput(body: ByteBuffer(bytes: bytes), limits: .default)
  }

  @Test func identifiesAsJavasProtobuf() {
    #expect(ProtobufSerialization().id.rawValue == 22)
    #expect(ProtobufSerialization().name == "protobuf")
    #expect(ProtobufSerialization().nullBody.isEmpty)
    #expect(ProtobufSerialization(id: .protobufJSON).id.rawValue == 21)
  }

  /// WIRE.md §5.2 byte examples.
  @Test(arguments: [
    ("2.0.2", "07 0A 05 32 2E 30 2E 32"),
    ("", "00"),
    ("R", "03 0A 01 52"),
  ])
  func stringsAreDelimitedStringValues(_ value: String, _ hex: String) throws {
    let bytes = try Self.body { try $0.writeString(value) }
    #expect(bytes == WireFixtures.bytes(hex))
    var input = Self.input(bytes)
    #expect(try input.readString() == value)
  }

  @Test(arguments: [
    (Int32(0), "00"),
    (4, "02 08 04"),
    (-1, "0B 08 FF FF FF FF FF FF FF FF FF 01"),
  ])
  func intsAreDelimitedInt32Values(_ value: Int32, _ hex: String) throws {
    let bytes = try Self.body { try $0.writeInt(value) }
    #expect(bytes == WireFixtures.bytes(hex))
    var input = Self.input(bytes)
    #expect(try input.readInt() == value)
  }

  @Test func attachmentsAreTheMapWrapper() throws {
    let bytes = try Self.body { try $0.writeAttachments(["dubbo": "2.0.2"]) }
    #expect(bytes == WireFixtures.bytes("10 0A 0E 0A 05 64 75 62 62 6F 12 05 32 2E 30 2E 32"))
    var input = Self.input(bytes)
    #expect(try input.readAttachments() == ["dubbo": "2.0.2"])
  }

  @Test func attachmentValuesTravelAsJavaStrings() throws {
    var attachments: DubboAttachments = ["path": "com.foo.Svc"]
    attachments["_TO"] = .int(2500)
    attachments["flag"] = .bool(true)
    var input = Self.input(try Self.body { try $0.writeAttachments(attachments) })
    let read = try input.readAttachments()
    #expect(read == ["path": "com.foo.Svc", "_TO": "2500", "flag": "true"])
  }

  /// Dubbo 3's writer also fills `attachmentsV2`: per key an `Any` whose value is a delimited
  /// `StringValue` with the Java class, then the value's wrapper message; readers overlay them.
  @Test func typedAttachmentsOverlayTheStringMap() throws {
    func typed(_ className: String, _ wrapper: some SwiftProtobuf.Message) throws -> Google_Protobuf_Any {
      var value = try Self.body { try $0.writeString(className) }
      let message: [UInt8] = try wrapper.serializedBytes()
      value += [UInt8(message.count)] + message
      var any = Google_Protobuf_Any()
      any.value = Data(value)
      return any
    }
    var map = ProtobufWrapperMap()
    map.attachments = ["_TO": "2500", "path": "com.foo.Svc", "gone": "null"]
    map.attachmentsV2["_TO"] = try typed("java.lang.Integer", Google_Protobuf_Int32Value(2500))
    map.attachmentsV2["big"] = try typed("java.lang.Long", Google_Protobuf_Int64Value(1 << 40))
    map.attachmentsV2["gone"] = try typed("null", Google_Protobuf_Empty())
    var input = Self.input(try Self.body { try $0.writeValue(RawMessage(bytes: try map.serializedBytes())) })
    let read = try input.readAttachments()
    #expect(read["_TO"] == .int(2500))
    #expect(read["big"] == .long(1 << 40))
    #expect(read["gone"] == .null)
    #expect(read[string: "path"] == "com.foo.Svc")
  }

  /// Already serialized message bytes, so a test can write any message delimited.
  struct RawMessage: DubboSerializable {
    var bytes: [UInt8]
    func encodeProtobuf() throws -> [UInt8] { bytes }
  }

  @Test func missingAttachmentsReadAsEmpty() throws {
    var input = Self.input([])
    #expect(try input.readAttachments().isEmpty)
  }

  @Test func nullStringCannotBeWritten() {
    var output = ProtobufSerialization().makeOutput()
    #expect(throws: DubboSerializationError.self) { try output.writeString(nil) }
  }

  @Test func messageValueRoundTrips() throws {
    let bytes = try Self.body { output in
      try output.writeInt(4)
      try output.writeValue(Google_Protobuf_StringValue("Hello"))
      try output.writeAttachments(["dubbo": "2.0.2"])
    }
    #expect(Array(bytes.prefix(10)) == WireFixtures.bytes("02 08 04 07 0A 05 48 65 6C 6C"))
    var input = Self.input(bytes)
    #expect(try input.readInt() == 4)
    #expect(try input.readValue(Google_Protobuf_StringValue.self).value == "Hello")
    #expect(try input.readAttachments() == ["dubbo": "2.0.2"])
  }

  @Test func nonMessageValuesAreRejected() {
    var output = ProtobufSerialization().makeOutput()
    #expect(throws: DubboSerializationError.self) { try output.writeValue("plain string") }
  }

  @Test func throwableRoundTripsClassMessageStackAndCause() throws {
    let root = JavaThrowable(className: "java.io.IOException", message: "disk full")
    let throwable = JavaThrowable(
      className: "java.lang.IllegalStateException",
      message: "boom",
      cause: root,
      stackTrace: [
        JavaStackTraceElement(declaringClass: "com.foo.Svc", methodName: "run", fileName: "Svc.java", lineNumber: 42),
        JavaStackTraceElement(declaringClass: "com.foo.Main", methodName: "main", fileName: nil, lineNumber: -2),
      ]
    )
    var input = Self.input(try Self.body { try $0.writeThrowable(throwable) })
    let read = try input.readThrowable()
    #expect(read.className == throwable.className)
    #expect(read.message == "boom")
    #expect(read.stackTrace == throwable.stackTrace)
    #expect(read.cause?.className == "java.io.IOException")
    #expect(read.cause?.message == "disk full")
    #expect(read.cause?.cause == nil)
  }

  @Test func throwableFieldsAreJavasThrowableProto() throws {
    let throwable = JavaThrowable(className: "E", message: nil)
    // ThrowableProto{original_class_name = "E"}; the null message is "" and so omitted.
    #expect(try Self.body { try $0.writeThrowable(throwable) } == WireFixtures.bytes("03 0A 01 45"))
  }

  @Test(arguments: [
    ("80", "a length prefix cut short"),
    ("05 0A 03", "a message shorter than its prefix"),
    ("FF FF FF FF 0F", "a 4 GiB prefix"),
    ("FF FF FF FF FF FF 01", "a prefix of more than five bytes"),
    ("02 0A 05", "a string field running past its message"),
  ])
  func malformedBodiesAreErrors(_ hex: String, _ what: String) {
    var input = Self.input(WireFixtures.bytes(hex))
    #expect(throws: (any Error).self, "\(what)") { try input.readString() }
  }

  @Test func emptyBodyHasNoItems() {
    var input = Self.input([])
    #expect(throws: (any Error).self) { try input.readInt() }
  }

  @Test func requestBodyRoundTrips() throws {
    let prologue = ["2.0.2", "com.foo.Greeter", "0.0.0", "sayHello", "Lcom/google/protobuf/StringValue;"]
    let bytes = try Self.body { output in
      for item in prologue { try output.writeString(item) }
      try output.writeValue(Google_Protobuf_StringValue("world"))
      try output.writeAttachments(["path": "com.foo.Greeter", "version": "0.0.0"])
    }
    var input = Self.input(bytes)
    for item in prologue { #expect(try input.readString() == item) }
    #expect(try input.readValue(Google_Protobuf_StringValue.self) == Google_Protobuf_StringValue("world"))
    #expect(try input.readAttachments() == ["path": "com.foo.Greeter", "version": "0.0.0"])
  }
}
