import Dubbo
import NIOCore
import NIOEmbedded
import Testing

@Suite struct DubboFrameDecoderTests {
  static func header(flags: UInt8 = 0xC2, status: UInt8 = 0, id: Int64, length: Int32) -> DubboHeader {
    let bytes = WireFixtures.header(flags: flags, status: status, id: id, length: length)
    return try! DubboHeader.peek(in: ByteBuffer(bytes: bytes))!
  }

  /// Three frames back to back: a request, an empty-bodied heartbeat, a response.
  static let frames: [(bytes: [UInt8], expected: FrameProjection)] = [
    (
      WireFixtures.header(flags: 0xC2, id: 1, length: 5) + WireFixtures.utf8("hello"),
      .frame(header(flags: 0xC2, id: 1, length: 5), body: WireFixtures.utf8("hello"))
    ),
    (WireFixtures.header(flags: 0xE2, id: 2, length: 0), .frame(header(flags: 0xE2, id: 2, length: 0), body: [])),
    (
      WireFixtures.header(flags: 0x02, status: 20, id: -3, length: 2) + [0x94, 0x4E],
      .frame(header(flags: 0x02, status: 20, id: -3, length: 2), body: [0x94, 0x4E])
    ),
  ]

  @Test func decodesFramesHoweverTheStreamIsSplit() throws {
    let stream = Self.frames.flatMap(\.bytes)
    let expected = Self.frames.map(\.expected)
    for chunks in FrameProjection.splits(of: stream) {
      let output = try FrameProjection.decode(chunks)
      #expect(output == expected, "reads of sizes \(chunks.map(\.count))")
    }
  }

  @Test func decodedHeaderMatchesTheWire() throws {
    let output = try FrameProjection.decode([Self.frames[2].bytes])
    guard case .frame(let header, let body) = try #require(output.first) else {
      Issue.record("expected a frame, got \(output)")
      return
    }
    #expect(!header.isRequest)
    #expect(header.status == .ok)
    #expect(header.requestID == -3)
    #expect(header.bodyLength == 2)
    #expect(body == [0x94, 0x4E])
  }

  @Test func waitsForTheWholeBody() throws {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(DubboFrameDecoder()))
    let frame = Self.frames[0].bytes
    try channel.writeInbound(ByteBuffer(bytes: frame.dropLast()))
    #expect(try channel.readInbound(as: DubboInboundFrame.self) == nil)
    try channel.writeInbound(ByteBuffer(bytes: frame.suffix(1)))
    let inbound = try #require(try channel.readInbound(as: DubboInboundFrame.self))
    #expect(FrameProjection(inbound) == Self.frames[0].expected)
    #expect(try channel.finish().isClean)
  }

  @Test func bodyAtTheLimitIsAccepted() throws {
    let stream = WireFixtures.header(flags: 0xC2, id: 1, length: 8) + Array(repeating: 0x4E, count: 8)
    #expect(
      try FrameProjection.decode([stream], payloadLimit: 8) == [
        .frame(Self.header(id: 1, length: 8), body: Array(repeating: 0x4E, count: 8))
      ])
  }

  @Test func oversizedBodyIsReportedOnceAndSkippedHoweverItArrives() throws {
    let oversizedBody = Array(0..<10).map(UInt8.init)
    let stream =
      WireFixtures.header(flags: 0x02, status: 20, id: 7, length: 10) + oversizedBody
      + Self.frames[0].bytes + WireFixtures.header(flags: 0x02, status: 20, id: 8, length: 9)
      + Array(repeating: 1, count: 9)
      + Self.frames[1].bytes
    let expected: [FrameProjection] = [
      .oversized(Self.header(flags: 0x02, status: 20, id: 7, length: 10), limit: 8),
      Self.frames[0].expected,
      .oversized(Self.header(flags: 0x02, status: 20, id: 8, length: 9), limit: 8),
      Self.frames[1].expected,
    ]
    for chunks in FrameProjection.splits(of: stream) {
      let output = try FrameProjection.decode(chunks, payloadLimit: 8)
      #expect(output == expected, "reads of sizes \(chunks.map(\.count))")
    }
  }

  @Test func oversizedIsReportedBeforeTheBodyArrives() throws {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(DubboFrameDecoder()))
    let length = Int32(DubboPayloadLimit.default + 1)
    try channel.writeInbound(ByteBuffer(bytes: WireFixtures.header(flags: 0x02, status: 20, id: 1, length: length)))
    let inbound = try #require(try channel.readInbound(as: DubboInboundFrame.self))
    #expect(
      FrameProjection(inbound)
        == .oversized(Self.header(flags: 0x02, status: 20, id: 1, length: length), limit: 8_388_608))
    try channel.writeInbound(ByteBuffer(repeating: 0, count: 4096))
    #expect(try channel.readInbound(as: DubboInboundFrame.self) == nil)
  }

  @Test func noLimitAcceptsAnyLength() throws {
    let body = Array(repeating: UInt8(0x41), count: 300)
    let stream = WireFixtures.header(flags: 0xC2, id: 1, length: 300) + body
    #expect(
      try FrameProjection.decode([stream], payloadLimit: nil) == [.frame(Self.header(id: 1, length: 300), body: body)])
  }

  @Test func defaultLimitIsJavasEightMebibytes() {
    #expect(DubboFrameDecoder().payloadLimit == 8_388_608)
    #expect(DubboPayloadLimit.default == 8_388_608)
  }

  @Test func negativeBodyLengthFailsThePipeline() throws {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(DubboFrameDecoder()))
    #expect(throws: DubboFrameError.negativeBodyLength(-1)) {
      try channel.writeInbound(ByteBuffer(bytes: WireFixtures.header(flags: 0xC2, id: 1, length: -1)))
    }
    #expect(try channel.readInbound(as: DubboInboundFrame.self) == nil)
  }

  @Test func badMagicFailsThePipeline() throws {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(DubboFrameDecoder()))
    #expect(throws: DubboFrameError.badMagic(0x4745)) {
      try channel.writeInbound(ByteBuffer(string: "GET / HTTP/1.1\r\n\r\n"))
    }
  }

  @Test func badMagicFailsAfterTwoBytes() throws {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(DubboFrameDecoder()))
    #expect(throws: DubboFrameError.badMagic(0x6C73)) {
      try channel.writeInbound(ByteBuffer(string: "ls"))
    }
  }

  @Test func framesBeforeGarbageAreStillDelivered() throws {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(DubboFrameDecoder()))
    #expect(throws: DubboFrameError.badMagic(0x0000)) {
      try channel.writeInbound(ByteBuffer(bytes: Self.frames[0].bytes + Array(repeating: 0, count: 16)))
    }
    let inbound = try #require(try channel.readInbound(as: DubboInboundFrame.self))
    #expect(FrameProjection(inbound) == Self.frames[0].expected)
  }
}
