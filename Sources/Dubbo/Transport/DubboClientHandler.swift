import Logging
import NIOCore

/// A request on its way out of a consumer: the whole frame, its request id, and for two-way calls
/// where to deliver the answer and how long to wait for it.
///
/// The handler resumes a two-way request's `response` exactly once (answer, timeout or closed
/// connection). It takes every request written while the connection is active, so
/// ``DubboClientHandler/send(on:_:)`` checks that on the event loop before writing.
struct DubboOutboundRequest: Sendable {
  var frame: ByteBuffer
  var requestID: Int64
  var response: UnsafeContinuation<DubboFrame, any Error>?
  var timeout: TimeAmount
  var methodName: String
}

/// The consumer end of one connection: splits the bytes it reads into frames, matches responses to
/// requests by id, times calls out, sends heartbeats when the connection is idle and fails every
/// waiting call when it drops.
///
/// It decodes frames itself rather than behind a `ByteToMessageHandler`, which would pass each
/// frame on boxed in a `NIOAny`.
///
/// Calls are timed out by one timer per connection, set for the earliest deadline of the calls
/// waiting on it (Java uses one timer wheel for all of them): a call that is answered in time
/// costs no timer of its own.
final class DubboClientHandler: ChannelDuplexHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundIn = DubboOutboundRequest
  typealias OutboundOut = ByteBuffer

  private struct Pending {
    var response: UnsafeContinuation<DubboFrame, any Error>
    var deadline: NIODeadline
    var timeout: TimeAmount
    var methodName: String
  }

  private var pending: [Int64: Pending] = [:]
  /// When the timer fires next, if it is set.
  private var timeoutSweep: (deadline: NIODeadline, task: Scheduled<Void>)?
  private var heartbeatsInFlight: Set<Int64> = []
  private let flushCoalescer = DubboFlushCoalescer()
  private let frames: NIOSingleStepByteToMessageProcessor<DubboFrameDecoder>
  private let logger: Logger
  private let onReadonly: @Sendable () -> Void

  /// - Parameters:
  ///   - payloadLimit: the largest response body accepted; `nil` for no limit.
  ///   - logger: where the connection's events are logged.
  ///   - onReadonly: called when the provider announces that it is shutting down.
  init(payloadLimit: Int?, logger: Logger, onReadonly: @escaping @Sendable () -> Void) {
    self.frames = NIOSingleStepByteToMessageProcessor(DubboFrameDecoder(payloadLimit: payloadLimit))
    self.logger = logger
    self.onReadonly = onReadonly
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let request = unwrapOutboundIn(data)
    guard let response = request.response else {
      return context.write(wrapOutboundOut(request.frame), promise: promise)
    }
    let id = request.requestID
    guard context.channel.isActive else {
      let error = Self.closedConnection(request)
      promise?.fail(error)
      return response.resume(throwing: error)
    }
    let deadline = NIODeadline.now() + request.timeout
    pending[id] = Pending(
      response: response, deadline: deadline, timeout: request.timeout, methodName: request.methodName)
    setTimeoutSweep(context: context, notAfter: deadline)
    context.write(wrapOutboundOut(request.frame), promise: promise)
  }

  /// Writes a two-way request to `channel` and waits for its answer.
  ///
  /// The write is made on the event loop, right after checking that the connection is active:
  /// then it reaches this handler at once, which answers it. A connection that closed after the
  /// caller picked it (its pipeline may be gone, and a write would reach no handler) fails the
  /// call instead.
  static func send(
    on channel: any Channel,
    _ makeRequest: (UnsafeContinuation<DubboFrame, any Error>) -> DubboOutboundRequest
  ) async throws -> DubboFrame {
    try await withUnsafeThrowingContinuation { continuation in
      let request = makeRequest(continuation)
      let write: @Sendable () -> Void = {
        guard channel.isActive else { return continuation.resume(throwing: closedConnection(request)) }
        // Through the pipeline, not the channel: the channel is an existential, and its generic
        // write would box the request into a NIOAny with runtime casts.
        channel.pipeline.writeAndFlush(request, promise: nil)
      }
      if channel.eventLoop.inEventLoop { write() } else { channel.eventLoop.execute(write) }
    }
  }

  private static func closedConnection(_ request: DubboOutboundRequest) -> DubboError {
    DubboError(
      status: .channelInactive,
      message: "Failed to send request \(request.requestID) of \(request.methodName): the connection is closed"
    )
  }

  /// Makes the timer fire at `deadline` unless it fires earlier already.
  private func setTimeoutSweep(context: ChannelHandlerContext, notAfter deadline: NIODeadline) {
    if let timeoutSweep, timeoutSweep.deadline <= deadline { return }
    timeoutSweep?.task.cancel()
    let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
      timeoutSweep = nil
      timeOutExpiredCalls(context: context)
    }
    timeoutSweep = (deadline, task)
  }

  /// Fails the calls whose deadline passed and sets the timer for the earliest remaining one.
  private func timeOutExpiredCalls(context: ChannelHandlerContext) {
    let now = NIODeadline.now()
    let expired = pending.filter { $0.value.deadline <= now }
    for (id, call) in expired {
      pending[id] = nil
      call.response.resume(
        throwing: DubboError(
          status: .serverTimeout,
          message: "Waiting server-side response timeout. timeout: \(call.timeout.nanoseconds / 1_000_000) ms, "
            + "request id: \(id), method: \(call.methodName), channel: \(Self.describe(context.channel))"
        )
      )
    }
    if let next = pending.values.lazy.map(\.deadline).min() {
      setTimeoutSweep(context: context, notAfter: next)
    }
  }

  func flush(context: ChannelHandlerContext) {
    flushCoalescer.flush(context: context)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    do {
      try frames.process(buffer: unwrapInboundIn(data)) { receive($0, context: context) }
    } catch {
      errorCaught(context: context, error: error)
    }
  }

  private func receive(_ inbound: DubboInboundFrame, context: ChannelHandlerContext) {
    switch inbound {
    case .frame(let frame) where frame.header.isRequest:
      handleEvent(context: context, frame: frame)
    case .frame(let frame):
      let id = frame.header.requestID
      if heartbeatsInFlight.remove(id) != nil { return }
      guard let entry = pending.removeValue(forKey: id) else {
        logger.debug("Dropping a response to unknown or timed-out request \(id)")
        return
      }
      entry.response.resume(returning: frame)
    case .oversized(let header, let limit):
      guard !header.isRequest, let entry = pending.removeValue(forKey: header.requestID) else { return }
      entry.response.resume(
        throwing: DubboError(
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
      write(.heartbeatResponse(to: frame), context: context)
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
    write(DubboFrame(header: header, body: body), context: context)
  }

  /// Writes and flushes a frame the handler makes itself: an event.
  private func write(_ frame: DubboFrame, context: ChannelHandlerContext) {
    context.writeAndFlush(wrapOutboundOut(frame.encoded(allocator: context.channel.allocator)), promise: nil)
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
    timeoutSweep?.task.cancel()
    timeoutSweep = nil
    for entry in entries.values {
      entry.response.resume(throwing: error)
    }
  }

  static func describe(_ channel: any Channel) -> String {
    "\(channel.localAddress.map { "\($0)" } ?? "?") -> \(channel.remoteAddress.map { "\($0)" } ?? "?")"
  }
}
