import Dubbo
import DubboHessian
import NIOCore
import NIOPosix

/// A plain TCP connection for sending hand-made bytes to a provider and reading its frames.
final class RawConnection {
  private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
  private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
  private var received = ByteBuffer()

  private init(
    inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
    outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
  ) {
    self.inbound = inbound
    self.outbound = outbound
  }

  /// Runs `body` with a connection to the provider on `port`, closing it afterwards.
  static func with(port: Int, _ body: (RawConnection) async throws -> Void) async throws {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .connect(host: "127.0.0.1", port: port) { channel in
        channel.eventLoop.makeCompletedFuture {
          try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
        }
      }
    try await channel.executeThenClose { inbound, outbound in
      try await body(RawConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound))
    }
  }

  /// Sends `bytes`, then reads until one whole frame has arrived; `nil` when the provider closed
  /// the connection first.
  func exchange(_ bytes: [UInt8]) async throws -> DubboFrame? {
    try await outbound.write(ByteBuffer(bytes: bytes))
    while true {
      if let header = try DubboHeader.peek(in: received),
        received.readableBytes >= DubboHeader.size + Int(header.bodyLength)
      {
        received.moveReaderIndex(forwardBy: DubboHeader.size)
        return DubboFrame(header: header, body: received.readSlice(length: Int(header.bodyLength))!)
      }
      guard var chunk = try await inbound.next() else { return nil }
      received.writeBuffer(&chunk)
    }
  }
}

/// A request frame: header fields and a body.
func requestFrame(
  flags: UInt8,
  id: Int64 = 7,
  body: [UInt8]
) -> [UInt8] {
  var buffer = ByteBuffer()
  buffer.writeInteger(UInt16(0xDABB))
  buffer.writeInteger(flags)
  buffer.writeInteger(UInt8(0))
  buffer.writeInteger(id)
  buffer.writeInteger(Int32(body.count))
  buffer.writeBytes(body)
  return Array(buffer.readableBytesView)
}

/// A hessian2 request body for `TestService.echo` with the given argument bytes.
func echoRequestBody(argument: [UInt8], attachments: [UInt8] = [0x48, 0x5A]) -> [UInt8] {
  var encoder = HessianEncoder()
  for item in ["2.0.2", TestService.descriptor.interface, "0.0.0", "echo", "Ljava/lang/String;"] {
    encoder.writeString(item)
  }
  return encoder.bytes + argument + attachments
}

/// The error text of a non-OK hessian2 response.
func errorText(_ frame: DubboFrame) throws -> String? {
  var decoder = HessianDecoder(buffer: frame.body)
  return try decoder.decode(String?.self)
}
