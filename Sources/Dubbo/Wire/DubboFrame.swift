import NIOCore

/// One Dubbo message: a header and its body bytes.
public struct DubboFrame: Hashable, Sendable {
  /// The header; its ``DubboHeader/bodyLength`` is set from ``body`` when the frame is written.
  public var header: DubboHeader
  /// The body, written in the serialization named by the header.
  public var body: ByteBuffer

  /// Creates a frame.
  public init(header: DubboHeader, body: ByteBuffer) {
    self.header = header
    self.body = body
  }

  /// Writes the header, its body length set from ``body``, then the body.
  func write(to buffer: inout ByteBuffer) {
    var header = header
    header.bodyLength = Int32(body.readableBytes)
    buffer.reserveCapacity(minimumWritableBytes: DubboHeader.size + body.readableBytes)
    header.write(to: &buffer)
    buffer.writeImmutableBuffer(body)
  }

  /// The frame's bytes, in a buffer of their own.
  func encoded(allocator: ByteBufferAllocator) -> ByteBuffer {
    var buffer = allocator.buffer(capacity: DubboHeader.size + body.readableBytes)
    write(to: &buffer)
    return buffer
  }

  /// The answer to a two-way heartbeat request, as Java 3 writes it: same id and serialization,
  /// the event flag, and the request's body (the null value of that serialization) echoed.
  static func heartbeatResponse(to request: DubboFrame) -> DubboFrame {
    let header = DubboHeader(
      isRequest: false,
      isEvent: true,
      serialization: request.header.serialization,
      requestID: request.header.requestID
    )
    return DubboFrame(header: header, body: request.body)
  }
}

/// What the frame decoder passes on: a whole frame, or the header of a frame whose body was over
/// the payload limit and was discarded unread.
public enum DubboInboundFrame: Hashable, Sendable {
  /// A complete frame.
  case frame(DubboFrame)
  /// A frame over the payload limit; its body bytes are skipped as they arrive.
  case oversized(DubboHeader, limit: Int)
}

/// A frame that cannot be read, after which the stream cannot be resynchronised.
public enum DubboFrameError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The frame does not start with the magic `DA BB`.
  case badMagic(UInt16)
  /// The header gives a negative body length.
  case negativeBodyLength(Int32)

  /// A sentence describing the problem.
  public var description: String {
    switch self {
    case .badMagic(let found):
      "Not a Dubbo frame: expected magic 0xDABB, found 0x\(String(found, radix: 16, uppercase: true))"
    case .negativeBodyLength(let length):
      "Invalid Dubbo frame: negative body length \(length)"
    }
  }
}
