import Logging
import NIOConcurrencyHelpers

/// The providers a reference may call: a fixed list, or the live list of a registry
/// subscription with the registry's configurators applied (Java's `StaticDirectory` and
/// `RegistryDirectory`).
///
/// A registry directory keeps the last list it received while the registry is unreachable, and
/// withdraws its consumer registration on ``close()``.
public final class DubboProviderDirectory: Sendable {
  private struct Subscription {
    var registry: any DubboRegistry
    /// The consumer URL registered, to withdraw on close.
    var registeredConsumer: DubboURL?
    var task: Task<Void, Never>
  }

  private struct State {
    var providers: [DubboProviderEndpoint] {
      didSet { implementGeneric = Self.implementGeneric(providers) }
    }
    /// Whether every provider registered `generic=true`.
    private(set) var implementGeneric: Bool
    var subscription: Subscription?

    init(providers: [DubboProviderEndpoint]) {
      self.providers = providers
      self.implementGeneric = Self.implementGeneric(providers)
    }

    private static func implementGeneric(_ providers: [DubboProviderEndpoint]) -> Bool {
      !providers.isEmpty && providers.allSatisfy { $0.url.parameters["generic"] == "true" }
    }
  }

  /// Where the providers come from, for messages: "the static provider list", or the registry's
  /// description.
  public let source: String
  private let state: NIOLockedValueBox<State>

  /// A directory of the given providers, which never changes.
  public init(providers: [DubboURL]) {
    source = "the static provider list"
    state = NIOLockedValueBox(State(providers: providers.map(DubboProviderEndpoint.init(url:))))
  }

  private init(source: String) {
    self.source = source
    state = NIOLockedValueBox(State(providers: []))
  }

  /// The providers calls may go to now.
  public var providers: [DubboProviderEndpoint] {
    state.withLockedValue { $0.providers }
  }

  /// Whether every provider implements Java's `GenericService` itself (its URL says
  /// `generic=true`), so that calls must go to it as `$invoke`, as Java's `GenericImplFilter`
  /// sends them.
  public var providersImplementGeneric: Bool {
    state.withLockedValue { $0.implementGeneric }
  }

  /// ``providers`` and ``providersImplementGeneric`` read together, as a call needs both.
  var current: (providers: [DubboProviderEndpoint], implementGeneric: Bool) {
    state.withLockedValue { ($0.providers, $0.implementGeneric) }
  }

  /// Registers `consumer` with `registry` and follows the providers of its service.
  ///
  /// Waits for the registry's first answer up to `firstListTimeout` (Java's reference creation
  /// waits for it too); after that the directory starts empty and fills when the registry answers.
  /// - Parameters:
  ///   - registry: the registry to follow.
  ///   - consumer: the consumer's URL (``DubboURL/consumer(service:host:application:methods:timestamp:)``),
  ///     whose interface, `version`, `group` and `protocol` select the providers.
  ///   - registersConsumer: whether to publish `consumer` in the registry (Java's `register`).
  ///   - firstListTimeout: how long to wait for the first provider list.
  ///   - logger: where changes are logged.
  public static func subscribing(
    to registry: any DubboRegistry,
    consumer: DubboURL,
    registersConsumer: Bool = true,
    firstListTimeout: Duration = .seconds(3),
    logger: Logger = Logger(label: "dubbo.directory")
  ) async throws -> DubboProviderDirectory {
    if registersConsumer { try await registry.register(consumer) }
    let updates = try await registry.subscribe(consumer)
    let directory = DubboProviderDirectory(source: "\(registry)")
    let (firstList, firstListArrived) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    let task = Task { [weak directory] in
      for await notification in updates {
        guard let directory else { return }
        let providers = Self.apply(notification.configurators, to: notification.providers)
        directory.state.withLockedValue { $0.providers = providers }
        logger.debug(
          "Providers of \(consumer.path) changed",
          metadata: ["providers": "\(providers.map(\.address).joined(separator: ","))"]
        )
        firstListArrived.yield()
      }
      firstListArrived.finish()
    }
    directory.state.withLockedValue {
      $0.subscription = Subscription(
        registry: registry, registeredConsumer: registersConsumer ? consumer : nil, task: task)
    }
    await withTaskGroup(of: Void.self) { group in
      group.addTask { for await _ in firstList { return } }
      group.addTask { try? await Task.sleep(for: firstListTimeout) }
      await group.next()
      group.cancelAll()
    }
    return directory
  }

  /// Ends the registry subscription and withdraws the consumer registration; a static directory
  /// has nothing to close.
  public func close() async {
    guard
      let subscription = state.withLockedValue({ state in
        defer { state.subscription = nil }
        return state.subscription
      })
    else { return }
    subscription.task.cancel()
    if let consumer = subscription.registeredConsumer { try? await subscription.registry.unregister(consumer) }
  }

  deinit {
    state.withLockedValue { $0.subscription?.task.cancel() }
  }

  /// Merges the parameters of every enabled `override://` URL into the providers it addresses
  /// (host `0.0.0.0` for all, a port of 0 or none for every port), as Java's
  /// `OverrideConfigurator` does, then leaves out providers marked `disabled=true`.
  static func apply(_ configurators: [DubboURL], to providers: [DubboURL]) -> [DubboProviderEndpoint] {
    let rules = configurators.filter { $0.scheme == "override" && $0.parameters["enabled"] != "false" }
    return providers.compactMap { provider in
      var url = provider
      for rule in rules where rule.host == "0.0.0.0" || rule.host == provider.host {
        guard rule.port == nil || rule.port == 0 || rule.port == provider.port else { continue }
        for (key, value) in rule.parameters where !ruleOnlyParameters.contains(key) {
          url.parameters[key] = value
        }
      }
      return url.parameters["disabled"] == "true" ? nil : DubboProviderEndpoint(url: url)
    }
  }

  /// Parameters of an override rule that describe the rule rather than change the provider.
  private static let ruleOnlyParameters: Set = [
    "anyhost", "application", "category", "dynamic", "enabled", "group", "interface", "side", "timestamp",
    "version",
  ]
}
