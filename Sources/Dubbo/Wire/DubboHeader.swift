import NIOCore

/// The 16-byte header in front of every Dubbo frame.
///
/// Layout (big-endian): magic `DA BB`; a flags byte (`0x80` request, `0x40` two-way, `0x20`
/// event, low five bits the serialization id); the response status; the 8-byte request id; the
/// 4-byte body length.
public struct DubboHeader: Hashable, Sendable {
  /// The two magic bytes every frame starts with.
  public static let magic: UInt16 = 0xDABB
  /// The size of the header in bytes.
  public static let size = 16
  /// Where the request id starts, from the start of the header.
  static let requestIDOffset = 4
  /// Where the body length starts, from the start of the header.
  static let bodyLengthOffset = 12

  /// Whether the frame is a request (otherwise a response).
  public var isRequest: Bool
  /// Whether the sender of a request waits for a response. Always `false` on responses.
  public var isTwoWay: Bool
  /// Whether the frame is an event (a heartbeat, or a readonly/writeable notice).
  public var isEvent: Bool
  /// The serialization the body is written in.
  public var serialization: DubboSerializationID
  /// The response status; requests carry ``DubboStatus/ok`` and receivers ignore it.
  public var status: DubboStatus
  /// The request id; a response echoes the id of its request.
  public var requestID: Int64
  /// The number of body bytes after the header.
  public var bodyLength: Int32

  /// Creates a header.
  public init(
    isRequest: Bool,
    isTwoWay: Bool = false,
    isEvent: Bool = false,
    serialization: DubboSerializationID,
    status: DubboStatus = .ok,
    requestID: Int64,
    bodyLength: Int32 = 0
  ) {
    self.isRequest = isRequest
    self.isTwoWay = isTwoWay
    self.isEvent = isEvent
    self.serialization = serialization
    self.status = status
    self.requestID = requestID
    self.bodyLength = bodyLength
  }

  /// The flags byte: direction, two-way and event bits over the serialization id.
  public var flags: UInt8 {
    var flags = serialization.rawValue & 0x1F
    if isRequest { flags |= 0x80 }
    if isTwoWay { flags |= 0x40 }
    if isEvent { flags |= 0x20 }
    return flags
  }

  /// Writes the 16 header bytes.
  public func write(to buffer: inout ByteBuffer) {
    // Two words stored at once: each of NIO's integer writes is a bounds- and exclusivity-checked
    // copy of its own.
    let status = UInt64(isRequest ? 0 : status.rawValue)
    let id = UInt64(bitPattern: requestID)
    let first = UInt64(Self.magic) << 48 | UInt64(flags) << 40 | status << 32 | id >> 32
    let second = id << 32 | UInt64(UInt32(bitPattern: bodyLength))
    _ = withUnsafeBytes(of: (first.bigEndian, second.bigEndian)) { buffer.writeBytes($0) }
  }

  /// Reads a header from the first 16 readable bytes of `buffer` without consuming them.
  ///
  /// - Returns: `nil` when fewer than 16 bytes are readable.
  /// - Throws: ``DubboFrameError/badMagic(_:)`` when the frame does not start with `DA BB`, as
  ///   soon as two bytes are readable.
  public static func peek(in buffer: ByteBuffer) throws(DubboFrameError) -> DubboHeader? {
    let start = buffer.readerIndex
    // The magic is checked as soon as its two bytes are there, so a stream that is not Dubbo
    // fails at once instead of waiting for a whole header.
    guard let magic = buffer.getInteger(at: start, as: UInt16.self) else { return nil }
    guard magic == Self.magic else { throw .badMagic(magic) }
    guard
      let flags = buffer.getInteger(at: start + 2, as: UInt8.self),
      let status = buffer.getInteger(at: start + 3, as: UInt8.self),
      let requestID = buffer.getInteger(at: start + requestIDOffset, as: Int64.self),
      let bodyLength = buffer.getInteger(at: start + bodyLengthOffset, as: Int32.self)
    else { return nil }
    let isRequest = flags & 0x80 != 0
    return DubboHeader(
      isRequest: isRequest,
      isTwoWay: isRequest && flags & 0x40 != 0,
      isEvent: flags & 0x20 != 0,
      serialization: DubboSerializationID(rawValue: flags & 0x1F),
      status: DubboStatus(rawValue: status),
      requestID: requestID,
      bodyLength: bodyLength
    )
  }
}
