import NIOConcurrencyHelpers

/// A registry kept in memory: the providers it is created with, plus every URL registered with it
/// in this process. Consumers given a fixed list of provider URLs use one; it also lets providers
/// and consumers in one process find each other without a registry server.
public final class DubboStaticRegistry: DubboRegistry {
  private struct Subscription {
    var consumer: DubboURL
    var continuation: AsyncStream<DubboRegistryNotification>.Continuation
  }

  private struct State {
    var urls: [DubboURL]
    var subscriptions: [Int: Subscription] = [:]
    var nextSubscription = 0
    var isClosed = false
  }

  private let state: NIOLockedValueBox<State>

  /// Creates a registry that already holds `urls` (provider and `override://` URLs).
  public init(_ urls: [DubboURL] = []) {
    state = NIOLockedValueBox(State(urls: urls))
  }

  /// Every URL the registry holds, in the order they were added.
  public var urls: [DubboURL] {
    state.withLockedValue { $0.urls }
  }

  /// Adds `url` and tells the subscribers it concerns.
  public func register(_ url: DubboURL) async throws {
    try change { urls in
      if !urls.contains(url) { urls.append(url) }
    }
  }

  /// Removes `url` and tells the subscribers it concerns.
  public func unregister(_ url: DubboURL) async throws {
    try change { urls in urls.removeAll { $0 == url } }
  }

  /// Follows the providers and configurators of the service `consumer` names.
  public func subscribe(_ consumer: DubboURL) async throws -> AsyncStream<DubboRegistryNotification> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: DubboRegistryNotification.self, bufferingPolicy: .bufferingNewest(1))
    let id = try state.withLockedValue { state in
      guard !state.isClosed else { throw DubboRegistryClosedError() }
      let id = state.nextSubscription
      state.nextSubscription += 1
      state.subscriptions[id] = Subscription(consumer: consumer, continuation: continuation)
      continuation.yield(Self.notification(for: consumer, in: state.urls))
      return id
    }
    continuation.onTermination = { [weak self] _ in
      self?.state.withLockedValue { _ = $0.subscriptions.removeValue(forKey: id) }
    }
    return stream
  }

  /// The providers of the service `consumer` names.
  public func lookup(_ consumer: DubboURL) async throws -> [DubboURL] {
    urls.filter { $0.isProvider(for: consumer) }
  }

  /// The interfaces of the provider URLs held.
  public func services() async throws -> [String] {
    Set(
      urls.filter { ($0.parameters["category"] ?? "providers") == "providers" && $0.scheme != "override" }
        .map { $0.parameters["interface"] ?? $0.path }
    ).sorted()
  }

  /// Ends every subscription.
  public func close() async {
    let subscriptions = state.withLockedValue { state in
      state.isClosed = true
      defer { state.subscriptions.removeAll() }
      return Array(state.subscriptions.values)
    }
    for subscription in subscriptions { subscription.continuation.finish() }
  }

  private func change(_ update: (inout [DubboURL]) -> Void) throws {
    try state.withLockedValue { state in
      guard !state.isClosed else { throw DubboRegistryClosedError() }
      let before = state.urls
      update(&state.urls)
      guard state.urls != before else { return }
      for subscription in state.subscriptions.values {
        let old = Self.notification(for: subscription.consumer, in: before)
        let new = Self.notification(for: subscription.consumer, in: state.urls)
        if new != old { subscription.continuation.yield(new) }
      }
    }
  }

  private static func notification(for consumer: DubboURL, in urls: [DubboURL]) -> DubboRegistryNotification {
    let interface = consumer.parameters["interface"] ?? consumer.path
    return DubboRegistryNotification(
      providers: urls.filter { $0.isProvider(for: consumer) },
      configurators: urls.filter { $0.scheme == "override" && ($0.parameters["interface"] ?? $0.path) == interface }
    )
  }
}

extension DubboStaticRegistry: CustomStringConvertible {
  /// What the registry is, for messages.
  public var description: String { "the in-memory registry" }
}

/// A call on a registry that was closed.
public struct DubboRegistryClosedError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Creates the error.
  public init() {}

  /// What happened.
  public var description: String { "The registry is closed" }
}
