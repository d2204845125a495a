import Logging
import NIOCore

/// The provider end of one connection: answers heartbeats on the event loop and runs each
/// request's handler in a task of its own (see ``DubboServer/HandlerExecution``), writing the
/// response back when the handler finishes.
final class DubboServerHandler: ChannelDuplexHandler {
  typealias InboundIn = DubboInboundFrame
  typealias OutboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let dispatcher: DubboRequestDispatcher
  private let calls: DubboInFlightCalls
  private let logger: Logger
  private let flushCoalescer = DubboFlushCoalescer()

  private let handlerExecution: DubboServer.HandlerExecution

  init(
    dispatcher: DubboRequestDispatcher,
    calls: DubboInFlightCalls,
    handlerExecution: DubboServer.HandlerExecution,
    logger: Logger
  ) {
    self.dispatcher = dispatcher
    self.calls = calls
    self.handlerExecution = handlerExecution
    self.logger = logger
  }

  private var connection = DubboRequestDispatcher.Connection()

  func channelActive(context: ChannelHandlerContext) {
    connection = DubboRequestDispatcher.Connection(
      local: context.channel.localAddress,
      remote: context.channel.remoteAddress
    )
    context.fireChannelActive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let channel = context.channel
    let connection = connection
    switch unwrapInboundIn(data) {
    case .oversized(let header, let limit):
      guard header.isRequest else { return }
      if let response = dispatcher.respondToOversized(
        header, limit: limit, connection: connection, allocator: channel.allocator)
      {
        context.writeAndFlush(wrapOutboundOut(response.encoded(allocator: channel.allocator)), promise: nil)
      }
    case .frame(let frame) where !frame.header.isRequest:
      logger.debug("Ignoring a response sent by a consumer", metadata: ["id": "\(frame.header.requestID)"])
    case .frame(let frame) where frame.header.isEvent:
      guard frame.header.isTwoWay else { return }
      let response = DubboFrame.heartbeatResponse(to: frame)
      context.writeAndFlush(wrapOutboundOut(response.encoded(allocator: channel.allocator)), promise: nil)
    case .frame(let frame):
      let dispatcher = dispatcher
      let calls = calls
      calls.begin()
      let call: @Sendable () async -> Void = {
        guard let response = await dispatcher.respond(to: frame, on: connection, allocator: channel.allocator) else {
          return calls.end()
        }
        let bytes = response.encoded(allocator: channel.allocator)
        // The task ends here; the call counts as in flight until its response is written.
        let write: @Sendable () -> Void = {
          let written = channel.eventLoop.makePromise(of: Void.self)
          written.futureResult.whenComplete { _ in calls.end() }
          // Through the pipeline, not the channel: the channel is an existential, and its generic
          // write would box the bytes into a NIOAny with runtime casts.
          channel.pipeline.writeAndFlush(bytes, promise: written)
        }
        if channel.eventLoop.inEventLoop { write() } else { channel.eventLoop.execute(write) }
      }
      start(call, on: context.eventLoop)
    }
  }

  private func start(_ call: @escaping @Sendable () async -> Void, on eventLoop: any EventLoop) {
    switch handlerExecution {
    case .startingOnEventLoop:
      if #available(macOS 26.0, iOS 26.0, tvOS 26.0, watchOS 26.0, visionOS 26.0, *) {
        Task.immediate(operation: call)
        return
      }
    case .eventLoop:
      if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, visionOS 2.0, *) {
        Task(executorPreference: EventLoopTaskExecutor(eventLoop: eventLoop), operation: call)
        return
      }
    case .globalExecutor:
      break
    }
    Task(operation: call)
  }

  func flush(context: ChannelHandlerContext) {
    flushCoalescer.flush(context: context)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    logger.warning("Closing the connection from \(context.channel.remoteAddress.map { "\($0)" } ?? "?"): \(error)")
    context.close(promise: nil)
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if event is IdleStateHandler.IdleStateEvent {
      logger.info("Closing the idle connection from \(context.channel.remoteAddress.map { "\($0)" } ?? "?")")
      context.close(promise: nil)
    } else {
      context.fireUserInboundEventTriggered(event)
    }
  }
}
