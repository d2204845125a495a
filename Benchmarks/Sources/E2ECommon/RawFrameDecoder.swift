import NIOCore

/// Splits a byte stream into raw frames, passing each on without its length prefix.
public struct RawFrameDecoder: ByteToMessageDecoder {
  /// A frame after its length prefix.
  public typealias InboundOut = ByteBuffer

  /// The largest frame accepted.
  public static let maximumLength = 1 << 20

  /// Creates a decoder.
  public init() {}

  /// Decodes one frame.
  public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else { return .needMoreData }
    guard length <= Self.maximumLength else { throw RawFrameError.tooLong(Int(length)) }
    guard buffer.readableBytes >= RawFrame.prefixSize + Int(length) else { return .needMoreData }
    buffer.moveReaderIndex(forwardBy: RawFrame.prefixSize)
    context.fireChannelRead(wrapInboundOut(buffer.readSlice(length: Int(length))!))
    return .continue
  }

  /// Decodes what is left when the channel closes.
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
