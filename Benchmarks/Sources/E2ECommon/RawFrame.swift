import NIOCore

/// The frames of the raw SwiftNIO baseline.
///
/// Every frame is a big-endian `UInt32` length (the bytes after it), then the 8-byte request id.
/// A request goes on with the `UInt32` total size of the response it asks for, then padding; the
/// response goes on with the request's bytes after the id (truncated, or padded with zeros), so
/// each side sends exactly as many bytes as the Dubbo frames it stands in for.
public enum RawFrame {
  /// The length prefix.
  public static let prefixSize = 4
  /// Length prefix and request id: the smallest frame.
  public static let minimumSize = prefixSize + 8
  /// Length prefix, request id and response size: the smallest request.
  public static let minimumRequestSize = minimumSize + 4

  /// Writes a request of `size` bytes in all asking for a response of `responseSize` bytes.
  public static func writeRequest(id: UInt64, size: Int, responseSize: Int, to buffer: inout ByteBuffer) {
    precondition(size >= minimumRequestSize && responseSize >= minimumSize)
    buffer.writeInteger(UInt32(size - prefixSize))
    buffer.writeInteger(id)
    buffer.writeInteger(UInt32(responseSize))
    buffer.writeRepeatingByte(UInt8(ascii: "x"), count: size - minimumRequestSize)
  }

  /// Writes the response to `request` (a frame without its length prefix, as the decoder passes
  /// it on).
  public static func writeResponse(to request: ByteBuffer, into buffer: inout ByteBuffer) {
    var request = request
    guard let id = request.readInteger(as: UInt64.self), let size = request.readInteger(as: UInt32.self) else {
      return
    }
    let responseSize = max(Int(size), minimumSize)
    buffer.writeInteger(UInt32(responseSize - prefixSize))
    buffer.writeInteger(id)
    let echoed = min(responseSize - minimumSize, request.readableBytes)
    buffer.writeImmutableBuffer(request.readSlice(length: echoed)!)
    buffer.writeRepeatingByte(0, count: responseSize - minimumSize - echoed)
  }

  /// The request id of a frame without its length prefix.
  public static func requestID(of frame: ByteBuffer) -> UInt64? {
    frame.getInteger(at: frame.readerIndex, as: UInt64.self)
  }
}
