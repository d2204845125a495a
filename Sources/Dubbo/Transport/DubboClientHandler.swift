import Logging
import NIOCore

/// A request on its way out of a consumer: the frame, and for two-way calls where to deliver the
/// answer and how long to wait for it.
struct DubboOutboundRequest {
  var frame: DubboFrame
  var response: EventLoopPromise<DubboFrame>?
  var timeout: TimeAmount
  var methodName: String
}

/// The consumer end of one connection: matches responses to requests by id, times calls out,
/// sends heartbeats when the connection is idle and fails every waiting call when it drops.
final class DubboClientHandler: ChannelDuplexHandler {
  typealias InboundIn = DubboInboundFrame
  typealias OutboundIn = DubboOutboundRequest
  typealias OutboundOut = DubboFrame

  private struct Pending {
    var promise: EventLoopPromise<DubboFrame>
    var timeout: Scheduled<Void>
  }

  private var pending: [Int64: Pending] = [:]
  private var heartbeatsInFlight: Set<Int64> = []
  private let flushCoalescer = DubboFlushCoalescer()
  private let logger: Logger
  private let onReadonly: @Sendable () -> Void

  init(logger: Logger, onReadonly: @escaping @Sendable () -> Void) {
    self.logger = logger
    self.onReadonly = onReadonly
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let request = unwrapOutboundIn(data)
    if let response = request.response {
      let id = request.frame.header.requestID
      let timeout = request.timeout
      let method = request.methodName
      let channel = context.channel
      let scheduled = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
        guard let entry = pending.removeValue(forKey: id) else { return }
        let channelDescription = Self.describe(channel)
        entry.promise.fail(
          DubboError(
            status: .serverTimeout,
            message: "Waiting server-side response timeout. timeout: \(timeout.nanoseconds / 1_000_000) ms, "
              + "request id: \(id), method: \(method), channel: \(channelDescription)"
          )
        )
      }
      pending[id] = Pending(promise: response, timeout: scheduled)
      // A write that fails (the connection closed after the caller picked it) fails the call now
      // rather than at its timeout.
      let written = promise ?? context.eventLoop.makePromise(of: Void.self)
      written.futureResult.assumeIsolated().whenFailure { [self] error in
        guard let entry = pending.removeValue(forKey: id) else { return }
        entry.timeout.cancel()
        entry.promise.fail(
          DubboError(status: .channelInactive, message: "Failed to send request \(id) of \(method): \(error)")
        )
      }
      context.write(wrapOutboundOut(request.frame), promise: written)
    } else {
      context.write(wrapOutboundOut(request.frame), promise: promise)
    }
  }

  func flush(context: ChannelHandlerContext) {
    flushCoalescer.flush(context: context)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .frame(let frame) where frame.header.isRequest:
      handleEvent(context: context, frame: frame)
    case .frame(let frame):
      let id = frame.header.requestID
      if heartbeatsInFlight.remove(id) != nil { return }
      guard let entry = pending.removeValue(forKey: id) else {
        logger.debug("Dropping a response to unknown or timed-out request \(id)")
        return
      }
      entry.timeout.cancel()
      entry.promise.succeed(frame)
    case .oversized(let header, let limit):
      guard !header.isRequest, let entry = pending.removeValue(forKey: header.requestID) else { return }
      entry.timeout.cancel()
      entry.promise.fail(
        DubboError(
          status: .clientError,
          message: DubboPayloadLimit.exceededMessage(
            length: Int(header.bodyLength),
            limit: limit,
            channel: Self.describe(context.channel)
          )
        )
      )
    }
  }

  /// A provider's heartbeat is answered with its own body; a readonly notice stops new calls on
  /// this connection.
  private func handleEvent(context: ChannelHandlerContext, frame: DubboFrame) {
    guard frame.header.isEvent else {
      logger.debug("Ignoring a request sent by the provider", metadata: ["id": "\(frame.header.requestID)"])
      return
    }
    if frame.header.isTwoWay {
      context.writeAndFlush(wrapOutboundOut(.heartbeatResponse(to: frame)), promise: nil)
    } else {
      logger.info("Provider \(Self.describe(context.channel)) is shutting down (readonly event)")
      onReadonly()
    }
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    guard let idle = event as? IdleStateHandler.IdleStateEvent, idle == .read || idle == .all else {
      return context.fireUserInboundEventTriggered(event)
    }
    let id = DubboRequestID.next()
    heartbeatsInFlight.insert(id)
    let serialization = Hessian2Serialization()
    let header = DubboHeader(
      isRequest: true, isTwoWay: true, isEvent: true, serialization: serialization.id, requestID: id)
    let body = context.channel.allocator.buffer(bytes: serialization.nullBody)
    context.writeAndFlush(wrapOutboundOut(DubboFrame(header: header, body: body)), promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    failAll(
      DubboError(
        status: .channelInactive,
        message: "Connection to the provider \(Self.describe(context.channel)) was closed"
      )
    )
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    logger.warning("Closing the connection to \(Self.describe(context.channel)): \(error)")
    context.close(promise: nil)
  }

  private func failAll(_ error: DubboError) {
    let entries = pending
    pending.removeAll()
    for entry in entries.values {
      entry.timeout.cancel()
      entry.promise.fail(error)
    }
  }

  static func describe(_ channel: any Channel) -> String {
    "\(channel.localAddress.map { "\($0)" } ?? "?") -> \(channel.remoteAddress.map { "\($0)" } ?? "?")"
  }
}
