import NIOCore

/// Splits a byte stream into Dubbo frames.
///
/// A frame whose body is longer than ``payloadLimit`` is not buffered: the decoder passes on
/// ``DubboInboundFrame/oversized(_:limit:)`` as soon as the header is read and then drops the
/// body bytes as they arrive, so the stream stays in step and memory stays bounded. What to answer
/// is the caller's decision (Java's: a consumer fails the call with ``DubboStatus/clientError``,
/// a provider rejects the request with ``DubboStatus/badRequest``).
///
/// Use it in a `ByteToMessageHandler`, or inside a handler through a
/// `NIOSingleStepByteToMessageProcessor`.
public struct DubboFrameDecoder: NIOSingleStepByteToMessageDecoder {
  /// The frames and oversize notices this decoder produces.
  public typealias InboundOut = DubboInboundFrame

  /// The largest body accepted, in bytes; `nil` accepts any length.
  public let payloadLimit: Int?
  private var bytesToSkip = 0

  /// Creates a decoder.
  /// - Parameter payloadLimit: the largest body accepted (Java's default is 8 MiB); `nil` for none.
  public init(payloadLimit: Int? = DubboPayloadLimit.default) {
    self.payloadLimit = payloadLimit
  }

  /// Decodes one frame, after skipping what is left of the body of an oversized one.
  public mutating func decode(buffer: inout ByteBuffer) throws -> DubboInboundFrame? {
    if bytesToSkip > 0 {
      let skipped = min(bytesToSkip, buffer.readableBytes)
      buffer.moveReaderIndex(forwardBy: skipped)
      bytesToSkip -= skipped
      if bytesToSkip > 0 { return nil }
    }
    guard let header = try DubboHeader.peek(in: buffer) else { return nil }
    guard header.bodyLength >= 0 else { throw DubboFrameError.negativeBodyLength(header.bodyLength) }
    let bodyLength = Int(header.bodyLength)
    if let payloadLimit, bodyLength > payloadLimit {
      buffer.moveReaderIndex(forwardBy: DubboHeader.size)
      bytesToSkip = bodyLength
      return .oversized(header, limit: payloadLimit)
    }
    guard buffer.readableBytes >= DubboHeader.size + bodyLength else { return nil }
    buffer.moveReaderIndex(forwardBy: DubboHeader.size)
    return .frame(DubboFrame(header: header, body: buffer.readSlice(length: bodyLength)!))
  }

  /// Decodes what is left when the channel closes; an incomplete frame is dropped.
  public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> DubboInboundFrame? {
    try decode(buffer: &buffer)
  }

  // The two below are what NIOSingleStepByteToMessageDecoder provides for a ByteToMessageHandler,
  // written out so that the frames are wrapped by code specialised for them.

  /// Decodes one frame, or skips the body of an oversized one, and passes it on.
  public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    guard let frame = try decode(buffer: &buffer) else { return .needMoreData }
    context.fireChannelRead(wrapInboundOut(frame))
    return .continue
  }

  /// Decodes what is left when the channel closes and passes it on; an incomplete frame is dropped.
  public mutating func decodeLast(
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer,
    seenEOF: Bool
  ) throws -> DecodingState {
    try decode(context: context, buffer: &buffer)
  }
}

/// Writes Dubbo frames: the header, with the body length filled in, then the body.
public struct DubboFrameEncoder: MessageToByteEncoder {
  /// The frames this encoder writes.
  public typealias OutboundIn = DubboFrame

  /// Creates an encoder.
  public init() {}

  /// Writes one frame.
  public func encode(data: DubboFrame, out: inout ByteBuffer) throws {
    data.write(to: &out)
  }
}

/// Java Dubbo's payload limit (`payload`): the largest frame body, in bytes.
public enum DubboPayloadLimit {
  /// 8 MiB, Java's `Constants.DEFAULT_PAYLOAD`.
  public static let `default` = 8 * 1024 * 1024

  /// The message Java uses when a body is over the limit.
  static func exceededMessage(length: Int, limit: Int, channel: String) -> String {
    "Data length too large: \(length), max payload: \(limit), channel: \(channel)"
  }
}
