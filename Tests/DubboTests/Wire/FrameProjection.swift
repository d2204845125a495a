import Dubbo
import NIOCore
import NIOEmbedded

/// An `Equatable` view of what ``DubboFrameDecoder`` passes on, for comparing decoder output.
enum FrameProjection: Equatable, CustomStringConvertible {
  case frame(DubboHeader, body: [UInt8])
  case oversized(DubboHeader, limit: Int)

  init(_ inbound: DubboInboundFrame) {
    switch inbound {
    case .frame(let frame): self = .frame(frame.header, body: Array(frame.body.readableBytesView))
    case .oversized(let header, let limit): self = .oversized(header, limit: limit)
    }
  }

  var description: String {
    switch self {
    case .frame(let header, let body): "frame(id \(header.requestID), \(body.count) body bytes)"
    case .oversized(let header, let limit): "oversized(id \(header.requestID), limit \(limit))"
    }
  }

  /// Feeds `chunks` one `writeInbound` each into a fresh channel running a ``DubboFrameDecoder``
  /// and returns everything it passed on.
  static func decode(_ chunks: [[UInt8]], payloadLimit: Int? = DubboPayloadLimit.default) throws -> [FrameProjection] {
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(DubboFrameDecoder(payloadLimit: payloadLimit)))
    var output: [FrameProjection] = []
    for chunk in chunks {
      try channel.writeInbound(ByteBuffer(bytes: chunk))
      while let inbound = try channel.readInbound(as: DubboInboundFrame.self) {
        output.append(FrameProjection(inbound))
      }
    }
    _ = try channel.finish()
    return output
  }

  /// The ways a stream is cut into reads: whole, byte by byte, fixed chunk sizes, and every
  /// single cut into two reads.
  static func splits(of stream: [UInt8]) -> [[[UInt8]]] {
    var result: [[[UInt8]]] = [[stream], stream.map { [$0] }]
    for size in [2, 3, 5, 7, 15, 16, 17] {
      result.append(
        stride(from: 0, to: stream.count, by: size).map { Array(stream[$0..<min($0 + size, stream.count)]) })
    }
    for cut in 1..<max(stream.count, 1) { result.append([Array(stream[..<cut]), Array(stream[cut...])]) }
    return result
  }
}
