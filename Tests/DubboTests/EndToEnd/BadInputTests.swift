import Dubbo
import DubboHessian
import NIOCore
import Testing

@Suite("End to end: bad input and events on a raw connection")
struct BadInputTests {
  @Test("bad magic closes that connection only; other consumers keep being served")
  func badMagic() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        let reference = testReference(port: port)
        _ = try await client.call(TestService.echo, arguments: DubboArgumentList("before"), reference: reference)
        try await RawConnection.with(port: port) { raw in
          let answer = try await raw.exchange(Array("GET / HTTP/1.1\r\n\r\n".utf8))
          #expect(answer == nil)
        }
        let after = try await client.call(TestService.echo, arguments: DubboArgumentList("after"), reference: reference)
        #expect(after.value == "after")
      }
    }
  }

  @Test("an unknown serialization id gets BAD_REQUEST naming the id, and the connection stays open")
  func unknownSerialization() async throws {
    try await withTestServer { _, port in
      try await RawConnection.with(port: port) { raw in
        let answer = try #require(try await raw.exchange(requestFrame(flags: 0xC0 | 31, body: [0x4E])))
        #expect(answer.header.status == .badRequest)
        #expect(answer.header.requestID == 7)
        #expect(try errorText(answer)?.contains("Unrecognized serialize type from consumer: 31") == true)
        let heartbeat = try #require(try await raw.exchange(requestFrame(flags: 0xE2, id: 8, body: [0x4E])))
        #expect(heartbeat.header.requestID == 8)
      }
    }
  }

  @Test("a truncated or malformed body gets BAD_REQUEST with the decoder's message")
  func malformedBodies() async throws {
    try await withTestServer { _, port in
      try await RawConnection.with(port: port) { raw in
        let truncated = Array(echoRequestBody(argument: [0x05, 0x77, 0x6F]).prefix(40))
        for (id, body) in [(Int64(1), truncated), (2, echoRequestBody(argument: [0x45])), (3, [0xFF, 0xFF])] {
          let answer = try #require(try await raw.exchange(requestFrame(flags: 0xC2, id: id, body: body)))
          #expect(answer.header.status == .badRequest, "request \(id)")
          #expect(try errorText(answer)?.hasPrefix("Fail to decode request due to: ") == true, "request \(id)")
        }
      }
    }
  }

  @Test("attachments that are not a map with string keys get BAD_REQUEST naming what was found")
  func badAttachments() async throws {
    try await withTestServer { _, port in
      try await RawConnection.with(port: port) { raw in
        let hello: [UInt8] = [0x05] + Array("hello".utf8)
        let cases: [(attachments: [UInt8], message: String)] = [
          ([0x91], "expected the attachments map, found int(1)"),
          ([0x48, 0x91, 0x91, 0x5A], "attachment keys must be strings, found int(1)"),
        ]
        for (index, (attachments, message)) in cases.enumerated() {
          let body = echoRequestBody(argument: hello, attachments: attachments)
          let answer = try #require(try await raw.exchange(requestFrame(flags: 0xC2, id: Int64(index), body: body)))
          #expect(answer.header.status == .badRequest)
          let text = try errorText(answer) ?? ""
          #expect(text.contains(message), "\(text)")
        }
        let fine = try #require(
          try await raw.exchange(requestFrame(flags: 0xC2, id: 9, body: echoRequestBody(argument: hello))))
        #expect(fine.header.status == .ok)
      }
    }
  }

  @Test("an argument of the wrong type gets BAD_REQUEST, invalid UTF-8 too")
  func wrongArgumentType() async throws {
    try await withTestServer { _, port in
      try await RawConnection.with(port: port) { raw in
        let integer = try #require(
          try await raw.exchange(requestFrame(flags: 0xC2, body: echoRequestBody(argument: [0x91]))))
        #expect(integer.header.status == .badRequest)
        #expect(try errorText(integer)?.contains("expected a string") == true)
        let badUTF8 = try #require(
          try await raw.exchange(requestFrame(flags: 0xC2, body: echoRequestBody(argument: [0x02, 0xC3, 0x28])))
        )
        #expect(badUTF8.header.status == .badRequest)
      }
    }
  }

  @Test("heartbeats are answered with the request's serialization and body, for hessian2 and protobuf")
  func heartbeats() async throws {
    try await withTestServer { _, port in
      try await RawConnection.with(port: port) { raw in
        let hessian = try #require(try await raw.exchange(requestFrame(flags: 0xE2, id: 41, body: [0x4E])))
        #expect(hessian.header.isEvent && !hessian.header.isRequest)
        #expect(hessian.header.flags == 0x22)
        #expect(hessian.header.status == .ok)
        #expect(hessian.header.requestID == 41)
        #expect(Array(hessian.body.readableBytesView) == [0x4E])
        let protobuf = try #require(try await raw.exchange(requestFrame(flags: 0xE0 | 22, id: 42, body: [])))
        #expect(protobuf.header.flags == 0x20 | 22)
        #expect(protobuf.body.readableBytes == 0)
      }
    }
  }

  @Test("a oneway request gets no answer, even when it fails")
  func onewayGetsNoAnswer() async throws {
    try await withTestServer { _, port in
      try await RawConnection.with(port: port) { raw in
        var unknown = HessianEncoder()
        for item in ["2.0.2", "com.example.Missing", "0.0.0", "nothing", ""] { unknown.writeString(item) }
        unknown.writeMapHeader()
        unknown.writeEnd()
        let oneway = requestFrame(flags: 0x82, id: 5, body: unknown.bytes)
        let heartbeat = requestFrame(flags: 0xE2, id: 6, body: [0x4E])
        let first = try #require(try await raw.exchange(oneway + heartbeat))
        #expect(first.header.requestID == 6)
      }
    }
  }
}
