import DubboHessian
import Foundation
import InteropSupport
import NIOCore
import SwiftProtobuf
import Testing

@testable import Dubbo

/// Dubbo request and response bodies written by the runtime (`DubboBody`, hessian2) with the
/// generated GreeterService code (Protos/greeter.proto: `Sample_User`, `Sample_GreeterService`)
/// against the bodies Caucho Hessian writes for the same Java values the way Java Dubbo's
/// `DubboCodec` does (`Tests/InteropHarness/java-dubbo-bodies`, class `DubboBodies`), in both
/// directions.
@Suite("Interop: Dubbo bodies against Caucho Hessian (DubboCodec layout)")
struct CauchoDubboBodyTests {
  @Test("Our body has Caucho's bytes", arguments: DubboBodyCase.allCases.filter { $0.comparison != .notComparable })
  func bytesMatchCaucho(_ body: DubboBodyCase) async throws {
    let caucho = try await CauchoHarness.dubboBodies.cauchoBytes(body.rawValue)
    let ours = try body.swiftBody()
    switch body.comparison {
    case .identical:
      let identical = ours == caucho
      #expect(identical, "\(body.rawValue): \(BytesDifference(ours: ours, caucho: caucho))")
    case .identicalExceptFieldOrder:
      try expectSameButFieldOrder(ours: ours, caucho: caucho, in: body)
    case .notComparable:
      Issue.record("\(body.rawValue) has no byte comparison")
    }
  }

  /// The four keys land in HashMap buckets 1, 12, 13, 14 (path, interface, version, timeout), so
  /// Java iterates them in the order `DubboClient` inserts them; inserting them the other way round
  /// shows that the bytes follow the HashMap order, not insertion order.
  @Test("Attachments are written in java.util.HashMap order, whatever the insertion order")
  func attachmentsFollowHashMapOrder() async throws {
    let caucho = try await CauchoHarness.dubboBodies.cauchoBytes(DubboBodyCase.sayHelloRequest.rawValue)
    var reversed = DubboAttachments()
    for (key, value) in DubboBodyCase.requestAttachments.reversed() { reversed[key] = value }
    #expect(reversed.map(\.key) == ["timeout", "version", "interface", "path"])
    let ours = try runtimeRequestBody(
      DubboBodyCase.prologue(Sample_GreeterService.Method.sayHello), arguments: DubboBodyCase.sayHelloArguments,
      attachments: reversed, serialization: Hessian2Serialization(), allocator: ByteBufferAllocator())
    let bytes = Array(ours.readableBytesView)
    let identical = bytes == caucho
    #expect(identical, "\(BytesDifference(ours: bytes, caucho: caucho))")
  }

  @Test("The runtime reads Caucho's body", arguments: DubboBodyCase.allCases)
  func runtimeReadsCauchoBody(_ body: DubboBodyCase) async throws {
    let bytes = try await CauchoHarness.dubboBodies.cauchoBytes(body.rawValue)
    var input = Hessian2Serialization().makeInput(body: ByteBuffer(bytes: bytes), limits: .default)
    switch body {
    case .sayHelloRequest:
      let prologue = try DubboRequestPrologue(from: &input)
      #expect(prologue.fields == DubboBodyCase.prologue(Sample_GreeterService.Method.sayHello).fields)
      #expect(try Sample_GreeterService.SayHelloParameters(from: &input).message.name == "world")
      #expect(try input.readAttachments() == DubboBodyCase.requestAttachments)
    case .echoUserRequest:
      let prologue = try DubboRequestPrologue(from: &input)
      #expect(prologue.fields == DubboBodyCase.prologue(Sample_GreeterService.Method.echoUser).fields)
      #expect(try input.readValue(Sample_User.self) == DubboBodyCase.user)
      #expect(try input.readAttachments() == DubboBodyCase.requestAttachments)
    case .genericInvokeRequest:
      let prologue = try DubboRequestPrologue(from: &input)
      #expect(prologue.fields == DubboBodyCase.prologue(DubboGeneric.invoke).fields)
      #expect(try DubboGenericArguments(from: &input) == DubboBodyCase.genericArguments)
      #expect(try input.readAttachments() == DubboBodyCase.genericRequestAttachments)
    case .valueResponse:
      #expect(try input.readInt() == DubboResultFlag.valueWithAttachments.rawValue)
      #expect(try input.readValue(Sample_GreeterService.SayHelloResult.self).message.message == "Hello, world")
      #expect(try input.readAttachments() == DubboBodyCase.responseAttachments)
    case .genericResultResponse:
      #expect(try input.readInt() == DubboResultFlag.valueWithAttachments.rawValue)
      #expect(try input.readValue(HessianValue.self) == DubboBodyCase.genericArguments.values[0])
      #expect(try input.readAttachments() == DubboBodyCase.responseAttachments)
    case .nullValueResponse:
      #expect(try input.readInt() == DubboResultFlag.nullValue.rawValue)
    case .nullValueWithAttachmentsResponse:
      #expect(try input.readInt() == DubboResultFlag.nullValueWithAttachments.rawValue)
      #expect(try input.readAttachments() == DubboBodyCase.responseAttachments)
    case .exceptionResponse:
      #expect(try input.readInt() == DubboResultFlag.exceptionWithAttachments.rawValue)
      let exception = try input.readThrowable()
      #expect(exception.className == "java.lang.IllegalStateException")
      #expect(exception.message == "boom")
      #expect(exception.cause == nil)
      #expect(!exception.stackTrace.isEmpty, "Caucho sends the JVM's stack trace")
      #expect(try input.readAttachments() == DubboBodyCase.responseAttachments)
    }
    let remaining = try #require(input as? Hessian2ObjectInput).decoder.remainingBytes
    #expect(remaining == 0, "\(remaining) unread byte(s) after the last item")
  }

  @Test("Caucho reads our body as Java Dubbo does", arguments: DubboBodyCase.allCases)
  func cauchoReadsOurBody(_ body: DubboBodyCase) async throws {
    let verdicts = try await CauchoHarness.dubboBodies.javaVerdicts()
    switch verdicts.lines[body.rawValue] {
    case "PASS"?:
      break
    case let verdict?:
      Issue.record("Caucho on our \(body.rawValue) body: \(verdict)")
    case nil:
      Issue.record("DubboBodies decode printed no verdict for \(body.rawValue):\n\(verdicts.output)")
    }
  }

  /// Our request body and Caucho's must differ only in the order of the `User` fields: the five
  /// strings before the argument and the attachments after it are byte-identical, the two objects
  /// hold the same fields, and writing our object with Caucho's field order gives Caucho's bytes.
  private func expectSameButFieldOrder(ours: [UInt8], caucho: [UInt8], in body: DubboBodyCase) throws {
    let ourParts = try RequestParts(ours)
    let cauchoParts = try RequestParts(caucho)
    let samePrologue = ourParts.prologue == cauchoParts.prologue
    #expect(samePrologue, "the five strings: \(BytesDifference(ours: ourParts.prologue, caucho: cauchoParts.prologue))")
    let sameAttachments = ourParts.attachments == cauchoParts.attachments
    #expect(
      sameAttachments,
      "the attachments: \(BytesDifference(ours: ourParts.attachments, caucho: cauchoParts.attachments))")
    // hessian-lite's order (what Dubbo's Java side and the generated `Sample_User` write) is the
    // reverse of Caucho's.
    #expect(ourParts.object.fields.map(\.name) == ["age", "name", "id"])
    #expect(cauchoParts.object.fields.map(\.name) == ["id", "name", "age"])
    #expect(ourParts.object.className == cauchoParts.object.className)
    #expect(
      ourParts.object.fields.sorted { $0.name < $1.name } == cauchoParts.object.fields.sorted { $0.name < $1.name })

    var reordered = ourParts.object
    reordered.fields = cauchoParts.object.fields.compactMap { field in
      ourParts.object.fields.first { $0.name == field.name }
    }
    var encoder = HessianEncoder()
    encoder.encode(HessianValue.object(reordered))
    let rewritten = ourParts.prologue + encoder.bytes + ourParts.attachments
    let identical = rewritten == caucho
    #expect(identical, "with Caucho's field order: \(BytesDifference(ours: rewritten, caucho: caucho))")
  }
}

/// The bodies, named as `DubboBodies` names them.
enum DubboBodyCase: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sayHelloRequest = "request-say-hello"
  case echoUserRequest = "request-echo-user"
  case genericInvokeRequest = "request-generic-invoke"
  case valueResponse = "response-value-with-attachments"
  case genericResultResponse = "response-generic-result"
  case nullValueResponse = "response-null-value"
  case nullValueWithAttachmentsResponse = "response-null-value-with-attachments"
  case exceptionResponse = "response-exception-with-attachments"

  enum Comparison {
    /// Byte for byte.
    case identical
    /// Byte for byte except the field order of objects (Caucho's order is hessian-lite's reversed).
    case identicalExceptFieldOrder
    /// Not comparable: Caucho writes the JVM's stack trace and JDK 17's Throwable fields.
    case notComparable
  }

  var testDescription: String { rawValue }

  var comparison: Comparison {
    switch self {
    case .echoUserRequest: .identicalExceptFieldOrder
    case .exceptionResponse: .notComparable
    default: .identical
    }
  }

  static let user = Sample_User.with {
    $0.id = "42"
    $0.name = "Zoë 🚀"
    $0.age = 30
  }

  /// `sayHello("world")`'s arguments.
  static let sayHelloArguments = Sample_GreeterService.SayHelloParameters(.with { $0.name = "world" })

  /// What `DubboClient` puts in a GreeterService request, in the same order (`DubboBodies` puts
  /// the same keys in a `java.util.HashMap` in this order).
  static let requestAttachments: DubboAttachments = [
    "path": Sample_GreeterService.descriptor.interface,
    "interface": Sample_GreeterService.descriptor.interface,
    "version": "0.0.0",
    "timeout": "3000",
  ]

  /// `$invoke("echoUser", ["org.apache.dubbo.sample.User"], [user])`, the user generalized as
  /// Java's `PojoUtils` does: a `HashMap` with its class, entries in `HashMap` order.
  static let genericArguments = DubboGenericArguments(
    method: "echoUser",
    parameterTypes: ["org.apache.dubbo.sample.User"],
    values: [
      .map(
        HessianMap(
          entries: [
            "class": HessianValue.string("org.apache.dubbo.sample.User"), "id": .string("42"), "name": .string("Zoë 🚀"),
            "age": .int(30),
          ].inJavaHashMapOrder.map { HessianMap.Entry(key: .string($0.key), value: $0.value) }
        ))
    ]
  )

  /// What a generic consumer sends: the usual attachments and the `generic` mode.
  static let genericRequestAttachments: DubboAttachments = {
    var attachments = requestAttachments
    attachments[string: "generic"] = "true"
    return attachments
  }()

  /// What a provider answers a 2.0.2 consumer with.
  static let responseAttachments: DubboAttachments = ["dubbo": DubboProtocolVersion.current]

  static func prologue<Arguments, Result>(_ method: DubboMethod<Arguments, Result>) -> DubboRequestPrologue {
    DubboRequestPrologue(
      dubboVersion: DubboProtocolVersion.current,
      path: Sample_GreeterService.descriptor.interface,
      version: "0.0.0",
      methodName: method.name,
      parameterDescriptor: method.parameterDescriptor
    )
  }

  /// The body the runtime writes.
  func swiftBody() throws -> [UInt8] {
    let serialization = Hessian2Serialization()
    let allocator = ByteBufferAllocator()
    let buffer: ByteBuffer =
      switch self {
      case .sayHelloRequest:
        try runtimeRequestBody(
          Self.prologue(Sample_GreeterService.Method.sayHello), arguments: Self.sayHelloArguments,
          attachments: Self.requestAttachments, serialization: serialization, allocator: allocator)
      case .echoUserRequest:
        try runtimeRequestBody(
          Self.prologue(Sample_GreeterService.Method.echoUser), arguments: DubboArgumentList(Self.user),
          attachments: Self.requestAttachments, serialization: serialization, allocator: allocator)
      case .genericInvokeRequest:
        try runtimeRequestBody(
          Self.prologue(DubboGeneric.invoke), arguments: Self.genericArguments,
          attachments: Self.genericRequestAttachments, serialization: serialization, allocator: allocator)
      case .valueResponse:
        try DubboBody.result(
          .value(Sample_GreeterService.SayHelloResult(.with { $0.message = "Hello, world" })),
          attachments: Self.responseAttachments, serialization: serialization,
          allocator: allocator)
      case .genericResultResponse:
        // What the provider answers a generic echoUser(user): the user generalized.
        try DubboBody.result(
          DubboGenericProvider.generalizedResult(
            .value(Self.user), attachments: Self.genericRequestAttachments, settings: DubboGenericSettings(),
            limits: .default),
          attachments: Self.responseAttachments, serialization: serialization, allocator: allocator)
      case .nullValueResponse:
        try DubboBody.result(
          .value(String?.none), attachments: nil, serialization: serialization, allocator: allocator)
      case .nullValueWithAttachmentsResponse:
        try DubboBody.result(
          .value(String?.none), attachments: Self.responseAttachments, serialization: serialization,
          allocator: allocator)
      case .exceptionResponse:
        try DubboBody.result(
          .exception(JavaThrowable(className: "java.lang.IllegalStateException", message: "boom")),
          attachments: Self.responseAttachments, serialization: serialization, allocator: allocator)
      }
    return Array(buffer.readableBytesView)
  }
}

extension DubboRequestPrologue {
  var fields: [String] { [dubboVersion, path, version, methodName, parameterDescriptor] }
}

/// The body of the request frame the runtime writes.
func runtimeRequestBody<Arguments: DubboArguments>(
  _ prologue: DubboRequestPrologue,
  arguments: Arguments,
  attachments: DubboAttachments,
  serialization: any DubboSerialization,
  allocator: ByteBufferAllocator
) throws -> ByteBuffer {
  let template = try DubboRequestTemplate(
    prologue, attachments: attachments, serialization: serialization, allocator: allocator)
  let header = DubboHeader(isRequest: true, isTwoWay: true, serialization: serialization.id, requestID: 1)
  let frame = try template.frame(header: header, arguments: arguments, allocator: allocator)
  return frame.getSlice(at: frame.readerIndex + DubboHeader.size, length: frame.readableBytes - DubboHeader.size)!
}

/// A one-argument request body cut at the argument: the bytes before it, the argument as an
/// object, the bytes after it.
struct RequestParts {
  var prologue: [UInt8]
  var object: HessianObject
  var attachments: [UInt8]

  init(_ bytes: [UInt8]) throws {
    var decoder = HessianDecoder(bytes: bytes)
    for _ in 0..<5 { _ = try decoder.decode(String?.self) }
    let start = decoder.offset
    guard case .object(let object) = try decoder.decode(HessianValue.self) else {
      throw HarnessFailure("the argument is not an object:\n\(hexDump(bytes))")
    }
    prologue = Array(bytes[..<start])
    self.object = object
    attachments = Array(bytes[decoder.offset...])
  }
}

/// Where two bodies first differ, with both dumped.
struct BytesDifference: CustomStringConvertible {
  var ours: [UInt8]
  var caucho: [UInt8]

  var description: String {
    let common = min(ours.count, caucho.count)
    let first = (0..<common).first { ours[$0] != caucho[$0] } ?? common
    return "first difference at byte \(first) (ours \(ours.count) bytes, Caucho's \(caucho.count))\n"
      + "ours:\n\(hexDump(ours))\nCaucho's:\n\(hexDump(caucho))"
  }
}

/// 16 bytes a line: offset, hex, printable ASCII.
func hexDump(_ bytes: [UInt8]) -> String {
  stride(from: 0, to: bytes.count, by: 16).map { offset in
    let line = bytes[offset..<min(offset + 16, bytes.count)]
    let hex = line.map { String($0, radix: 16).leftPadded(to: 2) }.joined(separator: " ")
    let text = String(line.map { (0x20..<0x7F).contains($0) ? Character(UnicodeScalar($0)) : "." })
    return String(offset, radix: 16).leftPadded(to: 4) + "  " + hex.padding(toLength: 47, withPad: " ", startingAt: 0)
      + "  " + text
  }.joined(separator: "\n")
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
