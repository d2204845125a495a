import NIOConcurrencyHelpers

/// Counts the calls a server is running, so graceful shutdown can wait for them.
final class DubboInFlightCalls: Sendable {
  private struct State {
    var running = 0
    var lastStarted = ContinuousClock.now
  }

  private let state = NIOLockedValueBox(State())

  func begin() {
    state.withLockedValue { state in
      state.running += 1
      state.lastStarted = .now
    }
  }

  func end() {
    state.withLockedValue { $0.running -= 1 }
  }

  /// Returns at `deadline`, or earlier once no call is running and none has started for
  /// `quietPeriod` (requests a consumer wrote before it saw the readonly event still arrive).
  func drain(quietPeriod: Duration, until deadline: ContinuousClock.Instant) async {
    while ContinuousClock.now < deadline {
      let (running, lastStarted) = state.withLockedValue { ($0.running, $0.lastStarted) }
      if running == 0, ContinuousClock.now - lastStarted >= quietPeriod { return }
      try? await Task.sleep(for: .milliseconds(5))
    }
  }
}
