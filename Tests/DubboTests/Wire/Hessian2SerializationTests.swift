import DubboHessian
import NIOCore
import Testing

@testable import Dubbo

@Suite struct Hessian2SerializationTests {
  static let service = "org.apache.dubbo.sample.GreeterService"

  /// Attachments put in an order other than the one Java's HashMap iterates in.
  static let requestAttachments: DubboAttachments = [
    "timeout": "3000", "group": "g", "version": "1.0.0", "interface": service, "path": service,
  ]

  /// WIRE.md §2.1 and §7: every item is one Hessian value of one stream.
  static let sayHelloRequest: [UInt8] =
    WireFixtures.bytes("05 32 2E 30 2E 32")  // "2.0.2"
    + WireFixtures.bytes("30 26") + WireFixtures.utf8(service)  // 38 characters: 0x30 + (38 >> 8), 38 & 0xFF
    + WireFixtures.bytes("05 31 2E 30 2E 30")  // service version "1.0.0"
    + WireFixtures.bytes("08 73 61 79 48 65 6C 6C 6F")  // "sayHello"
    + [0x12] + WireFixtures.utf8("Ljava/lang/String;")  // 18 characters
    + WireFixtures.bytes("05 77 6F 72 6C 64")  // the argument "world"
    + [0x48]  // 'H': java.util.HashMap, in its iteration order (JavaHashMapOrderTests):
    + WireFixtures.bytes("04 70 61 74 68") + [0x30, 0x26] + WireFixtures.utf8(service)  // bucket 1
    + [0x09] + WireFixtures.utf8("interface") + [0x30, 0x26] + WireFixtures.utf8(service)  // bucket 12
    + [0x07] + WireFixtures.utf8("version") + WireFixtures.bytes("05 31 2E 30 2E 30")  // bucket 13
    + [0x07] + WireFixtures.utf8("timeout") + WireFixtures.bytes("04 33 30 30 30")  // bucket 14
    + WireFixtures.bytes("05 67 72 6F 75 70 01 67")  // "group" "g", bucket 15
    + [0x5A]  // 'Z'

  static func body(_ write: (inout any DubboObjectOutput) throws -> Void) rethrows -> [UInt8] {
    var output = Hessian2Serialization().makeOutput()
    try write(&output)
    var buffer = ByteBuffer()
    output.write(to: &buffer)
    return WireFixtures.array(buffer)
  }

  static func input(_ bytes: [UInt8]) -> any DubboObjectInput {
    Hessian2Serialization().makeInput(body: ByteBuffer(bytes: bytes), limits: .default)
  }

  @Test func identifiesAsJavasHessian2() {
    let serialization = Hessian2Serialization()
    #expect(serialization.id == .hessian2)
    #expect(serialization.id.rawValue == 2)
    #expect(serialization.name == "hessian2")
    #expect(serialization.nullBody == [0x4E])
  }

  @Test func writesTheSayHelloRequestAsJavaDoes() throws {
    let bytes = try Self.body { output in
      for item in ["2.0.2", Self.service, "1.0.0", "sayHello", "Ljava/lang/String;"] { try output.writeString(item) }
      try output.writeValue("world")
      try output.writeAttachments(Self.requestAttachments)
    }
    #expect(bytes == Self.sayHelloRequest)
  }

  @Test func runtimeRequestFrameHasTheSameBody() throws {
    let prologue = DubboRequestPrologue(
      dubboVersion: DubboProtocolVersion.current,
      path: Self.service,
      version: "1.0.0",
      methodName: "sayHello",
      parameterDescriptor: "Ljava/lang/String;"
    )
    let template = try DubboRequestTemplate(
      prologue,
      attachments: Self.requestAttachments,
      serialization: Hessian2Serialization(),
      allocator: ByteBufferAllocator()
    )
    let frame = try template.frame(
      header: DubboHeader(isRequest: true, isTwoWay: true, serialization: .hessian2, requestID: 7),
      arguments: DubboArgumentList("world"),
      allocator: ByteBufferAllocator()
    )
    let header = WireFixtures.header(flags: 0xC2, id: 7, length: Int32(Self.sayHelloRequest.count))
    #expect(WireFixtures.array(frame) == header + Self.sayHelloRequest)
  }

  /// An attachment holding an object of the class an argument declared refers to that class
  /// definition, so it must be written in the arguments' stream, not encoded apart.
  @Test func attachmentsSharingTheArgumentsStreamAreWrittenInIt() throws {
    let user = HessianValue.object(
      HessianObject(
        className: "org.apache.dubbo.sample.User", fields: [HessianObject.Field(name: "id", value: .string("42"))]))
    let typedList = HessianValue.list(HessianList(type: "[string", elements: [.string("a")]))
    var attachments = Self.requestAttachments
    attachments["user"] = user
    attachments["names"] = typedList
    let prologue = DubboRequestPrologue(
      dubboVersion: DubboProtocolVersion.current, path: Self.service, version: "1.0.0", methodName: "save",
      parameterDescriptor: "Lorg/apache/dubbo/sample/User;[Ljava/lang/String;")
    let arguments = DubboArgumentList(user, typedList)
    let oneStream = try Self.body { output in
      try prologue.write(to: &output)
      try arguments.write(to: &output)
      try output.writeAttachments(attachments)
    }
    let template = try DubboRequestTemplate(
      prologue, attachments: attachments, serialization: Hessian2Serialization(), allocator: ByteBufferAllocator())
    let frame = try template.frame(
      header: DubboHeader(isRequest: true, isTwoWay: true, serialization: .hessian2, requestID: 7),
      arguments: arguments, allocator: ByteBufferAllocator())
    #expect(Array(WireFixtures.array(frame).dropFirst(DubboHeader.size)) == oneStream)
  }

  @Test func readsTheSayHelloRequestBack() throws {
    var input = Self.input(Self.sayHelloRequest)
    var prologue: [String?] = []
    for _ in 0..<5 { prologue.append(try input.readString()) }
    #expect(prologue == ["2.0.2", Self.service, "1.0.0", "sayHello", "Ljava/lang/String;"])
    #expect(try input.readValue(String.self) == "world")
    let attachments = try input.readAttachments()
    #expect(attachments == Self.requestAttachments)
    #expect(attachments.map { $0.key } == ["path", "interface", "version", "timeout", "group"])
  }

  @Test func writesAValueResponseWithAttachments() throws {
    let bytes = try Self.body { output in
      try output.writeInt(4)
      try output.writeValue("Hello")
      try output.writeAttachments(["dubbo": "2.0.2"])
    }
    let expected = "94 05 48 65 6C 6C 6F 48 05 64 75 62 62 6F 05 32 2E 30 2E 32 5A"
    #expect(bytes == WireFixtures.bytes(expected))

    var input = Self.input(bytes)
    #expect(try input.readInt() == 4)
    #expect(try input.readValue(String.self) == "Hello")
    #expect(try input.readAttachments() == ["dubbo": "2.0.2"])
  }

  @Test(arguments: Array(Int32(0)...5))
  func resultFlagsAreSingleByteInts(_ flag: Int32) throws {
    #expect(try Self.body { try $0.writeInt(flag) } == [0x90 + UInt8(flag)])
  }

  @Test func heartbeatAndReadonlyEventBodies() throws {
    #expect(try Self.body { try $0.writeString(nil) } == Hessian2Serialization().nullBody)
    #expect(try Self.body { try $0.writeString("R") } == [0x01, 0x52])
    #expect(try Self.body { try $0.writeValue(String?.none) } == [0x4E])
  }

  @Test func nullStringReadsAsNil() throws {
    var input = Self.input([0x4E])
    #expect(try input.readString() == nil)
  }

  @Test func exceptionResultRoundTrips() throws {
    let cause = JavaThrowable(className: "java.io.IOException", message: "disk")
    let throwable = JavaThrowable(
      className: "java.lang.IllegalStateException",
      message: "boom",
      cause: cause,
      stackTrace: [
        JavaStackTraceElement(declaringClass: "com.foo.Svc", methodName: "run", fileName: "Svc.java", lineNumber: 12)
      ]
    )
    let bytes = try Self.body { output in
      try output.writeInt(3)
      try output.writeThrowable(throwable)
      try output.writeAttachments(["dubbo": "2.0.2"])
    }
    #expect(bytes.first == 0x93)
    var input = Self.input(bytes)
    #expect(try input.readInt() == 3)
    let read = try input.readThrowable()
    #expect(read.className == "java.lang.IllegalStateException")
    #expect(read.message == "boom")
    #expect(read.cause?.className == "java.io.IOException")
    #expect(read.cause?.message == "disk")
    #expect(read.stackTrace == throwable.stackTrace)
    #expect(try input.readAttachments() == ["dubbo": "2.0.2"])
  }

  @Test func attachmentsKeepNonStringValues() throws {
    var attachments: DubboAttachments = ["path": "com.foo.Svc"]
    attachments["_TO"] = .int(2500)
    let bytes = try Self.body { try $0.writeAttachments(attachments) }
    var input = Self.input(bytes)
    let read = try input.readAttachments()
    #expect(read["_TO"] == .int(2500))
    #expect(read[string: "path"] == "com.foo.Svc")
  }

  @Test func missingOrNullAttachmentsReadAsEmpty() throws {
    var empty = Self.input([])
    #expect(try empty.readAttachments().isEmpty)
    var null = Self.input([0x4E])
    #expect(try null.readAttachments().isEmpty)
    #expect(try Self.body { try $0.writeAttachments(DubboAttachments()) } == [0x48, 0x5A])
  }

  @Test func malformedAttachmentsAreErrors() {
    var nonStringKey = Self.input(WireFixtures.bytes("48 91 01 61 5A"))
    #expect(throws: (any Error).self) { try nonStringKey.readAttachments() }
    var notAMap = Self.input(WireFixtures.bytes("05 68 65 6C 6C 6F"))
    #expect(throws: (any Error).self) { try notAMap.readAttachments() }
  }

  @Test func truncatedBodiesAreErrors() {
    var truncatedString = Self.input(WireFixtures.bytes("05 32 2E"))
    #expect(throws: (any Error).self) { try truncatedString.readString() }
    var empty = Self.input([])
    #expect(throws: (any Error).self) { try empty.readInt() }
  }
}
