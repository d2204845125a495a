import NIOCore
import NIOPosix
import Synchronization

/// The sizes, header included, of the Dubbo frames one call exchanges.
struct FrameSizes: Sendable {
  var request: Int
  var response: Int
}

/// Splits the bytes of one direction of a Dubbo connection into frames and keeps their sizes.
final class DubboFrameSizes: Sendable {
  private struct State {
    var buffered = ByteBuffer()
    var sizes: [Int] = []
  }

  private let state = Mutex(State())

  func feed(_ bytes: ByteBuffer) {
    state.withLock { state in
      var bytes = bytes
      state.buffered.writeBuffer(&bytes)
      while let length = state.buffered.getInteger(at: state.buffered.readerIndex + 12, as: Int32.self),
        state.buffered.readableBytes >= 16 + Int(length)
      {
        state.sizes.append(16 + Int(length))
        state.buffered.moveReaderIndex(forwardBy: 16 + Int(length))
      }
    }
  }

  var sizes: [Int] { state.withLock { $0.sizes } }
}

/// Passes what one side of the proxy reads to the other, counting frames on the way.
final class RelayHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer

  private let partner: any Channel
  private let frames: DubboFrameSizes

  init(partner: any Channel, frames: DubboFrameSizes) {
    self.partner = partner
    self.frames = frames
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let bytes = unwrapInboundIn(data)
    frames.feed(bytes)
    partner.writeAndFlush(bytes, promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    partner.close(promise: nil)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}

/// A TCP proxy in front of a provider that records the size of every frame passing through, to
/// learn the Dubbo frame sizes the raw baseline must match.
struct FrameSizeProbe {
  let listener: any Channel
  let requests = DubboFrameSizes()
  let responses = DubboFrameSizes()

  /// Listens on a free loopback port and relays each connection to `host:port`.
  init(upstreamHost host: String, port: Int) async throws {
    let requests = requests
    let responses = responses
    listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { consumer in
        ClientBootstrap(group: consumer.eventLoop)
          .channelOption(.socketOption(.tcp_nodelay), value: 1)
          .channelInitializer { provider in
            provider.eventLoop.makeCompletedFuture {
              try provider.pipeline.syncOperations.addHandler(RelayHandler(partner: consumer, frames: responses))
            }
          }
          .connect(host: host, port: port)
          .flatMapThrowing { provider in
            try consumer.pipeline.syncOperations.addHandler(RelayHandler(partner: provider, frames: requests))
          }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
  }

  /// The port consumers connect to.
  var port: Int { listener.localAddress?.port ?? 0 }

  /// Stops listening.
  func close() async {
    try? await listener.close()
  }
}
