import Dubbo
import NIOCore
import NIOEmbedded
import Testing

@Suite struct DubboFrameEncoderTests {
  @Test func writesTheHeaderWithTheBodyLengthThenTheBody() throws {
    let channel = EmbeddedChannel(handler: MessageToByteHandler(DubboFrameEncoder()))
    let header = DubboHeader(isRequest: true, isTwoWay: true, serialization: .hessian2, requestID: 258, bodyLength: 999)
    try channel.writeOutbound(DubboFrame(header: header, body: ByteBuffer(bytes: [0x05] + WireFixtures.utf8("world"))))
    let written = try #require(try channel.readOutbound(as: ByteBuffer.self))
    #expect(
      WireFixtures.array(written)
        == WireFixtures.bytes("DA BB C2 00 00 00 00 00 00 00 01 02 00 00 00 06 05") + WireFixtures.utf8("world")
    )
    #expect(try channel.finish().isClean)
  }

  @Test func writesAnEmptyBodyWithLengthZero() throws {
    let channel = EmbeddedChannel(handler: MessageToByteHandler(DubboFrameEncoder()))
    let header = DubboHeader(isRequest: false, isEvent: true, serialization: .protobuf, requestID: 3, bodyLength: 12)
    try channel.writeOutbound(DubboFrame(header: header, body: ByteBuffer()))
    let written = try #require(try channel.readOutbound(as: ByteBuffer.self))
    #expect(WireFixtures.array(written) == WireFixtures.bytes("DA BB 36 14 00 00 00 00 00 00 00 03 00 00 00 00"))
  }

  @Test func writesOnlyTheReadableBytesOfTheBody() throws {
    let channel = EmbeddedChannel(handler: MessageToByteHandler(DubboFrameEncoder()))
    var body = ByteBuffer(bytes: [0xFF, 0xFF, 0x4E])
    body.moveReaderIndex(forwardBy: 2)
    let header = DubboHeader(isRequest: true, isTwoWay: true, isEvent: true, serialization: .hessian2, requestID: 1)
    try channel.writeOutbound(DubboFrame(header: header, body: body))
    let written = try #require(try channel.readOutbound(as: ByteBuffer.self))
    #expect(WireFixtures.array(written) == WireFixtures.bytes("DA BB E2 00 00 00 00 00 00 00 00 01 00 00 00 01 4E"))
  }

  @Test func decoderReadsBackWhatTheEncoderWrote() throws {
    let encoder = EmbeddedChannel(handler: MessageToByteHandler(DubboFrameEncoder()))
    let header = DubboHeader(isRequest: false, serialization: .fastjson, status: .badRequest, requestID: -99)
    try encoder.writeOutbound(DubboFrame(header: header, body: ByteBuffer(string: "\"bad\"\n")))
    let written = try #require(try encoder.readOutbound(as: ByteBuffer.self))

    let output = try FrameProjection.decode([WireFixtures.array(written)])
    var expectedHeader = header
    expectedHeader.bodyLength = 6
    #expect(output == [.frame(expectedHeader, body: WireFixtures.utf8("\"bad\"\n"))])
  }
}
