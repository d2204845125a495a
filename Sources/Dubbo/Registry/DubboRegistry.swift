/// Where providers publish themselves and consumers find them: Java's `Registry`.
///
/// Implementations: ``DubboStaticRegistry`` (in memory, a fixed list plus whatever registers in
/// this process) and `ZooKeeperRegistry` in the `DubboZooKeeper` module. ``DubboRegistryFactory``
/// makes one from a registry URL such as `zookeeper://127.0.0.1:2181`.
public protocol DubboRegistry: Sendable {
  /// Publishes a provider or consumer URL until it is unregistered or the registry is closed,
  /// keeping it published across reconnections.
  func register(_ url: DubboURL) async throws
  /// Withdraws a URL published by ``register(_:)``.
  func unregister(_ url: DubboURL) async throws
  /// Follows the providers and configurators of the service `consumer` names.
  ///
  /// The stream yields the whole current state first and again after every change; only
  /// providers that ``DubboURL/isProvider(for:)`` accepts are included. It finishes when the
  /// registry is closed; ending the iteration ends the subscription.
  func subscribe(_ consumer: DubboURL) async throws -> AsyncStream<DubboRegistryNotification>
  /// The providers of the service `consumer` names, read once (Java's `RegistryService.lookup`):
  /// those ``DubboURL/isProvider(for:)`` accepts, so `version=*` and `group=*` take every one.
  func lookup(_ consumer: DubboURL) async throws -> [DubboURL]
  /// The interfaces the registry holds providers for, sorted: what Java's Dubbo Admin lists.
  func services() async throws -> [String]
  /// Withdraws everything this registry published and ends every subscription.
  func close() async
}

/// What a registry knows about one service at a moment.
public struct DubboRegistryNotification: Hashable, Sendable {
  /// The providers a consumer may call.
  public var providers: [DubboURL]
  /// The `override://` URLs that change provider parameters (Java's configurators category).
  public var configurators: [DubboURL]

  /// Creates a notification.
  public init(providers: [DubboURL], configurators: [DubboURL] = []) {
    self.providers = providers
    self.configurators = configurators
  }
}
