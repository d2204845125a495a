import NIOCore

/// Splits a byte stream into raw frames, passing each on without its length prefix: behind a
/// `ByteToMessageHandler` (the server, as the Dubbo provider's decoder is) or inside a handler
/// through a `NIOSingleStepByteToMessageProcessor` (the client, as the Dubbo client's is).
public struct RawFrameDecoder: NIOSingleStepByteToMessageDecoder {
  /// A frame after its length prefix.
  public typealias InboundOut = ByteBuffer

  /// The largest frame accepted.
  public static let maximumLength = 1 << 20

  /// Creates a decoder.
  public init() {}

  /// Decodes one frame, if it has arrived whole.
  public mutating func decode(buffer: inout ByteBuffer) throws -> ByteBuffer? {
    guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return nil }
    guard length <= Self.maximumLength else { throw RawFrameError.tooLong(Int(length)) }
    guard buffer.readableBytes >= RawFrame.prefixSize + Int(length) else { return nil }
    buffer.moveReaderIndex(forwardBy: RawFrame.prefixSize)
    return buffer.readSlice(length: Int(length))!
  }

  /// Decodes what is left when the channel closes.
  public mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> ByteBuffer? {
    try decode(buffer: &buffer)
  }

  // The two below are what NIOSingleStepByteToMessageDecoder provides for a ByteToMessageHandler,
  // written out as DubboFrameDecoder's are, so that both servers pass frames on the same way.

  /// Decodes one frame and passes it on.
  public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    guard let frame = try decode(buffer: &buffer) else { return .needMoreData }
    context.fireChannelRead(wrapInboundOut(frame))
    return .continue
  }

  /// Decodes what is left when the channel closes and passes it on.
  public mutating func decodeLast(
    context: ChannelHandlerContext,
    buffer: inout ByteBuffer,
    seenEOF: Bool
  ) throws -> DecodingState {
    try decode(context: context, buffer: &buffer)
  }
}

/// A raw frame that cannot be read.
public enum RawFrameError: Error {
  /// The length prefix is over ``RawFrameDecoder/maximumLength``.
  case tooLong(Int)
}
