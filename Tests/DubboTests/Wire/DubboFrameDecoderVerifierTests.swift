import Dubbo
import NIOCore
import NIOTestUtils
import Testing

/// NIO's own decoder checks: every input split at every byte, inputs merged into one read,
/// leftover bytes, and reentrancy.
@Suite struct DubboFrameDecoderVerifierTests {
  static func frame(flags: UInt8, id: Int64, body: [UInt8]) -> (ByteBuffer, [DubboInboundFrame]) {
    let bytes = WireFixtures.header(flags: flags, id: id, length: Int32(body.count)) + body
    let header = try! DubboHeader.peek(in: ByteBuffer(bytes: bytes))!
    return (ByteBuffer(bytes: bytes), [.frame(DubboFrame(header: header, body: ByteBuffer(bytes: body)))])
  }

  @Test func framesSurviveEverySplitAndMerge() throws {
    try ByteToMessageDecoderVerifier.verifyDecoder(
      inputOutputPairs: [
        Self.frame(flags: 0xC2, id: 1, body: WireFixtures.hessianShortString("2.0.2")),
        Self.frame(flags: 0xE2, id: 2, body: [0x4E]),
        Self.frame(flags: 0x02, id: -3, body: Array(repeating: 0x90, count: 300)),
        Self.frame(flags: 0x82, id: .max, body: []),
      ],
      decoderFactory: { DubboFrameDecoder() }
    )
  }

  @Test func oversizedFramesAreReportedAndSkippedAtEverySplit() throws {
    let body = Array(repeating: UInt8(0x41), count: 64)
    let bytes = WireFixtures.header(flags: 0xC2, id: 9, length: 64) + body
    let header = try #require(try DubboHeader.peek(in: ByteBuffer(bytes: bytes)))
    try ByteToMessageDecoderVerifier.verifyDecoder(
      inputOutputPairs: [
        (ByteBuffer(bytes: bytes), [.oversized(header, limit: 16)]),
        Self.frame(flags: 0xE2, id: 10, body: [0x4E]),
      ],
      decoderFactory: { DubboFrameDecoder(payloadLimit: 16) }
    )
  }
}
