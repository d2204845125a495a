import NIOConcurrencyHelpers

/// Counts the calls a server is running, so graceful shutdown can wait for them.
final class DubboInFlightCalls: Sendable {
  private let running = NIOLockedValueBox(0)

  func begin() {
    running.withLockedValue { $0 += 1 }
  }

  func end() {
    running.withLockedValue { $0 -= 1 }
  }

  /// Returns when no call is running or at `deadline`, whichever comes first.
  func drain(until deadline: ContinuousClock.Instant) async {
    while running.withLockedValue({ $0 }) > 0, ContinuousClock.now < deadline {
      try? await Task.sleep(for: .milliseconds(5))
    }
  }
}
