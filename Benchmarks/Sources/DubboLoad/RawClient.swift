import E2ECommon
import NIOCore
import NIOPosix

/// A request of the raw baseline: the handler assigns its id and resumes `response` when the
/// answer with that id arrives.
struct RawRequest: Sendable {
  var response: UnsafeContinuation<Void, any Error>
}

/// The client end of the raw baseline's one connection, multiplexed as the Dubbo client's is:
/// each request gets an id, any number are in flight, answers are matched by id. It splits its
/// bytes into frames itself and is written to as `DubboClientHandler` is, so that the baseline
/// pays what the Dubbo client's transport pays.
final class RawClientHandler: ChannelDuplexHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundIn = RawRequest
  typealias OutboundOut = ByteBuffer

  private let requestSize: Int
  private let responseSize: Int
  private var pending: [UInt64: UnsafeContinuation<Void, any Error>] = [:]
  private var nextID: UInt64 = 0
  private let frames = NIOSingleStepByteToMessageProcessor(RawFrameDecoder())

  init(requestSize: Int, responseSize: Int) {
    self.requestSize = requestSize
    self.responseSize = responseSize
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    nextID &+= 1
    pending[nextID] = unwrapOutboundIn(data).response
    var frame = context.channel.allocator.buffer(capacity: requestSize)
    RawFrame.writeRequest(id: nextID, size: requestSize, responseSize: responseSize, to: &frame)
    context.write(wrapOutboundOut(frame), promise: promise)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    do {
      try frames.process(buffer: unwrapInboundIn(data)) { frame in
        guard let id = RawFrame.requestID(of: frame), let response = pending.removeValue(forKey: id) else { return }
        response.resume()
      }
    } catch {
      errorCaught(context: context, error: error)
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    let waiting = pending
    pending.removeAll()
    for response in waiting.values { response.resume(throwing: ChannelError.ioOnClosedChannel) }
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}

/// Calls the raw echo server over one connection.
struct RawClient: Sendable {
  let channel: any Channel

  /// Connects, on the same event loop group the Dubbo client uses.
  static func connect(host: String, port: Int, requestSize: Int, responseSize: Int) async throws -> RawClient {
    let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(
            RawClientHandler(requestSize: requestSize, responseSize: responseSize)
          )
        }
      }
      .connect(host: host, port: port)
      .get()
    return RawClient(channel: channel)
  }

  /// Sends one request and waits for its answer.
  func call() async throws {
    try await withUnsafeThrowingContinuation { (continuation: UnsafeContinuation<Void, any Error>) in
      let write: @Sendable () -> Void = { [channel] in
        guard channel.isActive else { return continuation.resume(throwing: ChannelError.ioOnClosedChannel) }
        channel.pipeline.writeAndFlush(RawRequest(response: continuation), promise: nil)
      }
      if channel.eventLoop.inEventLoop { write() } else { channel.eventLoop.execute(write) }
    }
  }

  /// Closes the connection.
  func close() async {
    try? await channel.close()
  }
}
