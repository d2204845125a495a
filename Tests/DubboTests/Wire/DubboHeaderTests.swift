import Dubbo
import NIOCore
import Testing

@Suite struct DubboHeaderTests {
  struct FlagsCase: Sendable, CustomTestStringConvertible {
    var name: String
    var isRequest: Bool
    var isTwoWay: Bool
    var isEvent: Bool
    var flags: UInt8
    var testDescription: String { name }
  }

  /// WIRE.md §1.1: the flags bytes Java writes with hessian2 (id 2).
  static let flagsCases: [FlagsCase] = [
    FlagsCase(name: "two-way request", isRequest: true, isTwoWay: true, isEvent: false, flags: 0xC2),
    FlagsCase(name: "oneway request", isRequest: true, isTwoWay: false, isEvent: false, flags: 0x82),
    FlagsCase(name: "heartbeat request", isRequest: true, isTwoWay: true, isEvent: true, flags: 0xE2),
    FlagsCase(name: "oneway event (readonly)", isRequest: true, isTwoWay: false, isEvent: true, flags: 0xA2),
    FlagsCase(name: "response", isRequest: false, isTwoWay: false, isEvent: false, flags: 0x02),
    FlagsCase(name: "heartbeat response", isRequest: false, isTwoWay: false, isEvent: true, flags: 0x22),
  ]

  @Test(arguments: flagsCases)
  func writesGoldenBytes(_ flagsCase: FlagsCase) {
    let header = DubboHeader(
      isRequest: flagsCase.isRequest,
      isTwoWay: flagsCase.isTwoWay,
      isEvent: flagsCase.isEvent,
      serialization: .hessian2,
      requestID: 0x0102_0304_0506_0708,
      bodyLength: 0x0A0B_0C0D
    )
    var buffer = ByteBuffer()
    header.write(to: &buffer)
    let status: UInt8 = flagsCase.isRequest ? 0x00 : 0x14
    #expect(header.flags == flagsCase.flags)
    #expect(
      WireFixtures.array(buffer) == [
        0xDA, 0xBB, flagsCase.flags, status,
        0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
        0x0A, 0x0B, 0x0C, 0x0D,
      ]
    )
  }

  @Test(arguments: flagsCases)
  func peekReadsWhatWasWritten(_ flagsCase: FlagsCase) throws {
    let bytes = WireFixtures.header(flags: flagsCase.flags, status: 20, id: 42, length: 7)
    let header = try #require(try DubboHeader.peek(in: WireFixtures.buffer(bytes)))
    #expect(header.isRequest == flagsCase.isRequest)
    #expect(header.isTwoWay == flagsCase.isTwoWay)
    #expect(header.isEvent == flagsCase.isEvent)
    #expect(header.serialization == .hessian2)
    #expect(header.requestID == 42)
    #expect(header.bodyLength == 7)
  }

  @Test func requestsCarryStatusZeroWhateverTheirStatusField() {
    let header = DubboHeader(
      isRequest: true, isTwoWay: true, serialization: .hessian2, status: .badRequest, requestID: 1)
    var buffer = ByteBuffer()
    header.write(to: &buffer)
    #expect(buffer.getInteger(at: 3, as: UInt8.self) == 0)
  }

  @Test func responsesCarryTheirStatus() throws {
    let header = DubboHeader(isRequest: false, serialization: .hessian2, status: .serviceError, requestID: 9)
    var buffer = ByteBuffer()
    header.write(to: &buffer)
    #expect(buffer.getInteger(at: 3, as: UInt8.self) == 70)
    #expect(try DubboHeader.peek(in: buffer)?.status == .serviceError)
  }

  @Test func requestIDAndBodyLengthAreBigEndianAndSigned() throws {
    let header = DubboHeader(isRequest: true, isTwoWay: true, serialization: .hessian2, requestID: -2, bodyLength: 256)
    var buffer = ByteBuffer()
    header.write(to: &buffer)
    #expect(
      WireFixtures.array(buffer) == WireFixtures.bytes("DA BB C2 00 FF FF FF FF FF FF FF FE 00 00 01 00")
    )
    let read = try #require(try DubboHeader.peek(in: buffer))
    #expect(read.requestID == -2)
    #expect(read.bodyLength == 256)
  }

  @Test func serializationIDIsTheLowFiveBits() throws {
    let protobuf = try #require(
      try DubboHeader.peek(in: WireFixtures.buffer(WireFixtures.header(flags: 0xD6, id: 1, length: 0))))
    #expect(protobuf.serialization == .protobuf)
    #expect(protobuf.isRequest && protobuf.isTwoWay && !protobuf.isEvent)

    let header = DubboHeader(isRequest: true, isTwoWay: true, serialization: .fastjson, requestID: 1)
    #expect(header.flags == 0xC6)
  }

  @Test func twoWayBitIsIgnoredOnResponses() throws {
    let response = try #require(
      try DubboHeader.peek(in: WireFixtures.buffer(WireFixtures.header(flags: 0x42, id: 1, length: 0))))
    #expect(!response.isRequest)
    #expect(!response.isTwoWay)
  }

  @Test(arguments: 0..<16)
  func peekNeedsSixteenBytes(_ count: Int) throws {
    let bytes = WireFixtures.header(flags: 0xC2, id: 1, length: 0)
    #expect(try DubboHeader.peek(in: WireFixtures.buffer(Array(bytes.prefix(count)))) == nil)
  }

  @Test func peekDoesNotConsumeAndStartsAtTheReaderIndex() throws {
    var buffer = WireFixtures.buffer([0xFF, 0xFF] + WireFixtures.header(flags: 0x02, id: 5, length: 3))
    buffer.moveReaderIndex(forwardBy: 2)
    let header = try #require(try DubboHeader.peek(in: buffer))
    #expect(header.requestID == 5)
    #expect(buffer.readerIndex == 2)
    #expect(buffer.readableBytes == 16)
  }

  @Test func badMagicThrowsAsSoonAsTwoBytesAreThere() {
    #expect(throws: DubboFrameError.badMagic(0x4745)) {
      try DubboHeader.peek(in: WireFixtures.buffer(WireFixtures.utf8("GE")))
    }
    #expect(throws: DubboFrameError.badMagic(0xBBDA)) {
      try DubboHeader.peek(
        in: WireFixtures.buffer(WireFixtures.bytes("BB DA C2 00 00 00 00 00 00 00 00 01 00 00 00 00")))
    }
  }

  @Test func frameErrorsDescribeTheProblem() {
    #expect(DubboFrameError.badMagic(0x4745).description.contains("0x4745"))
    #expect(DubboFrameError.negativeBodyLength(-1).description.contains("-1"))
  }
}
