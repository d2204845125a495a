import NIOConcurrencyHelpers

/// The calls a consumer made to each provider, per service and method: Java's `RpcStatus`.
///
/// The client records every call with ``callStarted(provider:service:method:)`` and
/// ``callEnded(provider:service:method:elapsed:succeeded:)``; load balancers read the counts back
/// with ``snapshot(provider:service:method:)``.
///
/// Besides the counts since the first call, the statistics keep the successful calls of a sliding
/// window that starts over once ``slidePeriod`` has passed, the way Java's
/// `ShortestResponseLoadBalance` keeps its `SlideWindowData`: a read that finds the window older
/// than the period starts a new, empty one for every provider at once.
public final class DubboCallStatistics: Sendable {
  /// The counts of one provider, service and method at one moment.
  public struct Snapshot: Hashable, Sendable {
    /// The calls started and not ended yet.
    public internal(set) var active = 0
    /// The calls ended, successfully or not.
    public internal(set) var total = 0
    /// The calls that ended in failure.
    public internal(set) var failed = 0
    /// The time all ended calls took together.
    public internal(set) var totalElapsed = Duration.zero
    /// The time the failed calls took together.
    public internal(set) var failedElapsed = Duration.zero
    /// The longest time a call took.
    public internal(set) var maxElapsed = Duration.zero
    /// The longest time a successful call took.
    public internal(set) var succeededMaxElapsed = Duration.zero
    /// The longest time a failed call took.
    public internal(set) var failedMaxElapsed = Duration.zero
    /// The successful calls that ended in the current sliding window.
    public internal(set) var windowSucceeded = 0
    /// The time the successful calls of the current sliding window took together.
    public internal(set) var windowSucceededElapsed = Duration.zero

    /// The counts before any call.
    public init() {}

    /// The calls that ended successfully.
    public var succeeded: Int { total - failed }
    /// The time the successful calls took together.
    public var succeededElapsed: Duration { totalElapsed - failedElapsed }
    /// The mean time of the ended calls; zero before any.
    public var averageElapsed: Duration { Self.mean(totalElapsed, total) }
    /// The mean time of the successful calls; zero before any.
    public var succeededAverageElapsed: Duration { Self.mean(succeededElapsed, succeeded) }
    /// The mean time of the failed calls; zero before any.
    public var failedAverageElapsed: Duration { Self.mean(failedElapsed, failed) }
    /// The mean time of the current sliding window's successful calls; zero before any.
    public var windowSucceededAverageElapsed: Duration { Self.mean(windowSucceededElapsed, windowSucceeded) }

    private static func mean(_ elapsed: Duration, _ count: Int) -> Duration {
      count == 0 ? .zero : elapsed / count
    }

    mutating func recordEnd(elapsed: Duration, succeeded: Bool) {
      active -= 1
      total += 1
      totalElapsed += elapsed
      maxElapsed = max(maxElapsed, elapsed)
      if succeeded {
        succeededMaxElapsed = max(succeededMaxElapsed, elapsed)
        windowSucceeded += 1
        windowSucceededElapsed += elapsed
      } else {
        failed += 1
        failedElapsed += elapsed
        failedMaxElapsed = max(failedMaxElapsed, elapsed)
      }
    }
  }

  private struct Key: Hashable {
    var host: String
    var port: Int
    var service: DubboServiceDescriptor
    var method: String

    init(_ provider: DubboProviderEndpoint, _ service: DubboServiceDescriptor, _ method: String) {
      self.host = provider.host
      self.port = provider.port
      self.service = service
      self.method = method
    }
  }

  private struct State {
    var calls: [Key: Snapshot] = [:]
    var windowStart: ContinuousClock.Instant
  }

  /// How long the sliding window lasts before it starts over: Java's
  /// `shortestresponse.slidePeriod`, 30 seconds by default.
  public let slidePeriod: Duration
  private let now: @Sendable () -> ContinuousClock.Instant
  private let state: NIOLockedValueBox<State>

  /// Creates empty statistics.
  /// - Parameter slidePeriod: how long the sliding window lasts before it starts over.
  public convenience init(slidePeriod: Duration = .seconds(30)) {
    self.init(slidePeriod: slidePeriod, now: { .now })
  }

  /// - Parameter now: the clock the sliding window follows.
  init(slidePeriod: Duration, now: @escaping @Sendable () -> ContinuousClock.Instant) {
    self.slidePeriod = slidePeriod
    self.now = now
    self.state = NIOLockedValueBox(State(windowStart: now()))
  }

  /// Records that a call to `provider` started.
  public func callStarted(provider: DubboProviderEndpoint, service: DubboServiceDescriptor, method: String) {
    let key = Key(provider, service, method)
    state.withLockedValue { $0.calls[key, default: Snapshot()].active += 1 }
  }

  /// Records that a call ``callStarted(provider:service:method:)`` recorded ended.
  /// - Parameters:
  ///   - elapsed: how long the call took.
  ///   - succeeded: whether the provider answered with a result rather than an error.
  public func callEnded(
    provider: DubboProviderEndpoint,
    service: DubboServiceDescriptor,
    method: String,
    elapsed: Duration,
    succeeded: Bool
  ) {
    let key = Key(provider, service, method)
    state.withLockedValue { $0.calls[key, default: Snapshot()].recordEnd(elapsed: elapsed, succeeded: succeeded) }
  }

  /// The counts of the calls to `provider` for one method of `service`.
  public func snapshot(provider: DubboProviderEndpoint, service: DubboServiceDescriptor, method: String) -> Snapshot {
    snapshots(providers: [provider], service: service, method: method)[0]
  }

  /// The counts of the calls to each of `providers` for one method of `service`, in their order,
  /// all taken at the same moment.
  public func snapshots(
    providers: [DubboProviderEndpoint],
    service: DubboServiceDescriptor,
    method: String
  ) -> [Snapshot] {
    let keys = providers.map { Key($0, service, method) }
    let now = now()
    return state.withLockedValue { state in
      if now - state.windowStart > slidePeriod {
        state.windowStart = now
        for index in state.calls.values.indices {
          state.calls.values[index].windowSucceeded = 0
          state.calls.values[index].windowSucceededElapsed = .zero
        }
      }
      return keys.map { state.calls[$0] ?? Snapshot() }
    }
  }
}
