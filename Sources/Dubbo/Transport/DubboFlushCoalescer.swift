import NIOCore

/// Turns the flushes of many frames written in one event-loop turn into one flush (one
/// `write(2)` for all of them): responses finished by different tasks, or requests sent by
/// concurrent callers, each ask for a flush, and the first one schedules it after the writes
/// already queued on the loop.
final class DubboFlushCoalescer {
  private var isScheduled = false

  /// Call from a handler's `flush(context:)`, on the event loop.
  func flush(context: ChannelHandlerContext) {
    guard !isScheduled else { return }
    isScheduled = true
    context.eventLoop.assumeIsolated().execute {
      self.isScheduled = false
      context.flush()
    }
  }
}
