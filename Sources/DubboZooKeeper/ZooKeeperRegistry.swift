internal import CZooKeeper
import Dubbo
import Foundation
import Logging

/// A ``DubboRegistry`` on Apache ZooKeeper, through its C client, with the layout of Java Dubbo's
/// `ZookeeperRegistry`, so that Java, Go and Python Dubbo peers find what it registers and it finds
/// theirs: `/dubbo/<interface>/<category>/<URL-encoded full URL>`.
///
/// It is made from a registry URL such as
/// `zookeeper://127.0.0.1:2181?backup=127.0.0.1:2182,127.0.0.1:2183&group=dubbo&session=60000&timeout=30000`
/// (see ``connectString``, ``root``, ``sessionTimeout`` and ``connectionTimeout``).
///
/// - ``register(_:)`` creates the service's persistent nodes (all four categories:
///   `providers`, `consumers`, `configurators`, `routers`) and the URL's node under its `category`
///   (default `providers`; consumer URLs say `category=consumers`), ephemeral unless the URL says
///   `dynamic=false`.
/// - ``subscribe(_:)`` watches the service's `providers` and `configurators` and yields the
///   providers the consumer may call and the `override://` URLs for it, again after every change.
///
/// Connection loss and session expiry are handled as Java's registry handles them:
/// - While the servers are unreachable the client keeps trying them; subscriptions keep their last
///   lists (an unreachable server is not an empty service). Once connected again, every
///   registration is published and every subscription read again, retrying with growing pauses
///   until that succeeds.
/// - When the server expired the session (its ephemeral nodes and watches are gone), a new session
///   is started, and every registration is published and every subscription read again on it.
///
/// ``close()`` withdraws the dynamic registrations, ends the subscriptions and the session.
public actor ZooKeeperRegistry: DubboRegistry {
  /// The registry URL it was made from.
  public nonisolated let url: DubboURL
  /// The servers, as the C client takes them: the URL's address (port 2181 unless given), then
  /// the addresses of its `backup` parameter: `host:port,host:port`.
  public nonisolated let connectString: String
  /// The root node: `/` and the URL's `group` parameter, by default `/dubbo`.
  public nonisolated let root: String
  /// The session timeout asked for: the URL's `session` parameter in milliseconds, by default 60 s.
  /// The server keeps it between 2 and 20 of its ticks (by default 4 s and 40 s).
  public nonisolated let sessionTimeout: Duration
  /// How long ``register(_:)``, ``unregister(_:)`` and ``subscribe(_:)`` keep trying while
  /// ZooKeeper cannot be reached: the URL's `timeout` parameter in milliseconds, by default 30 s.
  public nonisolated let connectionTimeout: Duration

  private let layout: ZooKeeperLayout
  private let logger: Logger
  /// The current session; `nil` once closed.
  private var session: ZooKeeperSession?
  private var hasConnected = false
  /// What ``register(_:)`` published, by node.
  private var registrations: [String: ZooKeeperRegistration] = [:]
  private var subscriptions: [Int: ZooKeeperSubscription] = [:]
  private var nextSubscriptionID = 0
  private var resynchronization: Task<Void, Never>?
  private var resynchronizationGeneration = 0

  /// Creates the registry a registry URL describes and starts connecting; it does not wait for the
  /// connection.
  /// - Throws: ``ZooKeeperError`` when `session` or `timeout` is not a positive number of
  ///   milliseconds, or the C client rejects the addresses.
  public init(url: DubboURL, logger: Logger = Logger(label: "dubbo.registry.zookeeper")) throws {
    var primary = url
    primary.port = url.port ?? 2181
    let backups = (url.parameters["backup"] ?? "").split(separator: ",")
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .map { $0.contains(":") ? $0 : "\($0):2181" }
    let connectString = ([primary.address] + backups).joined(separator: ",")
    let sessionTimeout = try Self.milliseconds(url, "session", default: 60_000)
    self.url = url
    self.connectString = connectString
    self.sessionTimeout = sessionTimeout
    self.connectionTimeout = try Self.milliseconds(url, "timeout", default: 30_000)
    layout = ZooKeeperLayout(group: url.parameters["group"])
    root = layout.root
    var logger = logger
    logger[metadataKey: "zookeeper"] = "\(connectString)"
    self.logger = logger
    let session = try ZooKeeperSession(connectString: connectString, sessionTimeout: sessionTimeout)
    self.session = session
    observe(session)
  }

  deinit {
    for subscription in subscriptions.values {
      subscription.continuation.finish()
    }
    if let session {
      Task { await session.close() }
    }
  }

  /// Publishes `url` until it is unregistered or the registry is closed, again after every
  /// reconnection and on every new session.
  /// - Throws: ``ZooKeeperError`` when ZooKeeper could not be reached within ``connectionTimeout``
  ///   (the URL stays registered and is published once it can be) or the registry is closed.
  public func register(_ url: DubboURL) async throws {
    let registration = try layout.registration(url)
    _ = try currentSession()
    registrations[registration.path] = registration
    try await withSession { session throws(ZooKeeperError) in
      try await self.publish(registration, on: session)
    }
  }

  /// Withdraws a URL ``register(_:)`` published: deletes its node.
  /// - Throws: ``ZooKeeperError`` when ZooKeeper could not be reached within ``connectionTimeout``
  ///   (an ephemeral node still goes with the session) or the registry is closed.
  public func unregister(_ url: DubboURL) async throws {
    let registration = try layout.registration(url)
    _ = try currentSession()
    registrations[registration.path] = nil
    try await withSession { session throws(ZooKeeperError) in
      try await self.deleteIfPresent(registration.path, on: session)
    }
  }

  /// Follows the providers and configurators of the service `consumer` names (its `interface`
  /// parameter, else its path), creating the service's nodes if missing.
  ///
  /// The stream yields the current state once it has been read, then again after every change of
  /// what the consumer may use (a reader that falls behind gets the latest state). It finishes when
  /// the registry is closed; ending the iteration ends the subscription.
  /// - Throws: ``ZooKeeperError`` when ZooKeeper could not be read within ``connectionTimeout``, the
  ///   URL names no single interface, or the registry is closed.
  public func subscribe(_ consumer: DubboURL) async throws -> AsyncStream<DubboRegistryNotification> {
    let servicePath = try layout.servicePath(consumer)
    _ = try currentSession()
    let (stream, continuation) = AsyncStream.makeStream(
      of: DubboRegistryNotification.self, bufferingPolicy: .bufferingNewest(1))
    let id = nextSubscriptionID
    nextSubscriptionID += 1
    subscriptions[id] = ZooKeeperSubscription(consumer: consumer, servicePath: servicePath, continuation: continuation)
    continuation.onTermination = { [weak self] _ in
      Task { await self?.endSubscription(id) }
    }
    do {
      try await withSession { session throws(ZooKeeperError) in
        try await self.follow(id, on: session)
      }
    } catch {
      subscriptions.removeValue(forKey: id)?.continuation.finish()
      throw error
    }
    return stream
  }

  /// The providers of the service `consumer` names, read once without a watch.
  /// - Throws: ``ZooKeeperError`` when ZooKeeper could not be read within ``connectionTimeout``, the
  ///   URL names no single interface, or the registry is closed.
  public func lookup(_ consumer: DubboURL) async throws -> [DubboURL] {
    let providersPath = try layout.servicePath(consumer) + "/providers"
    let names = try await withSession { session throws(ZooKeeperError) in
      try await self.childrenIfPresent(of: providersPath, on: session)
    }
    return ZooKeeperSubscription.urls(names, under: providersPath, logger: logger).filter {
      $0.isProvider(for: consumer)
    }
  }

  /// The interfaces under the root that have a `providers` node, sorted.
  /// - Throws: ``ZooKeeperError`` when ZooKeeper could not be read within ``connectionTimeout`` or
  ///   the registry is closed.
  public func services() async throws -> [String] {
    let root = layout.root
    return try await withSession { session throws(ZooKeeperError) in
      var services: [String] = []
      for name in try await self.childrenIfPresent(of: root, on: session).sorted() {
        let providersPath = (root == "/" ? "" : root) + "/" + name + "/providers"
        guard try await session.exists(providersPath, watch: false) != nil,
          let interface = DubboURL.formDecode(name)
        else { continue }
        services.append(interface)
      }
      return services.sorted()
    }
  }

  /// Deletes the nodes of the dynamic registrations (best effort: those with `dynamic=false` stay,
  /// as Java leaves them), finishes every subscription and closes the session, which removes any
  /// ephemeral node left. Later calls throw.
  public func close() async {
    guard let session else { return }
    self.session = nil
    resynchronization?.cancel()
    resynchronization = nil
    let dynamic = registrations.values.filter(\.isEphemeral)
    registrations = [:]
    let ended = subscriptions.values
    subscriptions = [:]
    for subscription in ended {
      subscription.continuation.finish()
    }
    if session.state == .connected {
      for registration in dynamic {
        do {
          try await deleteIfPresent(registration.path, on: session)
        } catch {
          logger.debug("Could not delete a registration's node", metadata: ["error": "\(error)"])
        }
      }
    }
    await session.close()
  }

  /// The current session's id and password (for tests that make the server expire it).
  func currentClientID() -> clientid_t? {
    session?.clientID
  }

  // MARK: - Operations

  private func currentSession() throws(ZooKeeperError) -> ZooKeeperSession {
    guard let session else { throw ZooKeeperError(code: .closing, message: "the registry is closed") }
    return session
  }

  /// Runs `operation` on the current session, and again after transient failures (on the session
  /// of the moment, after growing pauses) until ``connectionTimeout`` has passed.
  private func withSession<Result>(
    _ operation: (ZooKeeperSession) async throws(ZooKeeperError) -> Result
  ) async throws -> Result {
    let deadline = ContinuousClock.now + connectionTimeout
    var pause = Duration.milliseconds(50)
    while true {
      let session = try currentSession()
      do {
        return try await operation(session)
      } catch {
        guard error.isTransient, ContinuousClock.now + pause < deadline else { throw error }
        logger.debug("ZooKeeper is not reachable; trying again in \(pause)", metadata: ["error": "\(error)"])
      }
      try await Task.sleep(for: pause)
      pause = min(pause * 2, .seconds(1))
    }
  }

  private func publish(
    _ registration: ZooKeeperRegistration,
    on session: ZooKeeperSession
  ) async throws(ZooKeeperError) {
    for directory in registration.directories {
      try await createDirectory(directory, on: session)
    }
    // Unregistered meanwhile? (Publishing again after a reconnection runs alongside the calls.)
    guard registrations[registration.path] != nil else { return }
    do {
      try await session.create(registration.path, ephemeral: registration.isEphemeral)
    } catch {
      guard error.code == .nodeExists else { throw error }
      guard registration.isEphemeral else { return }
      // As Java does: the node may be left from an expired session, which the server has not
      // removed yet; if it is not this session's, it is deleted and created again.
      let owner = try await session.exists(registration.path, watch: false)
      guard owner != session.clientID?.client_id, registrations[registration.path] != nil else { return }
      try await deleteIfPresent(registration.path, on: session)
      try await session.create(registration.path, ephemeral: true)
    }
  }

  private func createDirectory(_ path: String, on session: ZooKeeperSession) async throws(ZooKeeperError) {
    do {
      try await session.create(path, ephemeral: false)
    } catch {
      guard error.code == .nodeExists else { throw error }
    }
  }

  private func deleteIfPresent(_ path: String, on session: ZooKeeperSession) async throws(ZooKeeperError) {
    do {
      try await session.delete(path)
    } catch {
      guard error.code == .noNode else { throw error }
    }
  }

  /// Creates the service's nodes and reads the subscription.
  private func follow(_ id: Int, on session: ZooKeeperSession) async throws(ZooKeeperError) {
    guard let servicePath = subscriptions[id]?.servicePath else { return }
    for directory in layout.directories(servicePath: servicePath) {
      try await createDirectory(directory, on: session)
    }
    try await refresh(id, on: session)
  }

  /// Reads (and watches) the subscription's categories and yields what changed for it.
  private func refresh(_ id: Int, on session: ZooKeeperSession) async throws(ZooKeeperError) {
    guard var subscription = subscriptions[id] else { return }
    subscription.readsSent += 1
    let read = subscription.readsSent
    subscriptions[id] = subscription
    let providers = try await children(of: subscription.providersPath, on: session)
    let configurators = try await children(of: subscription.configuratorsPath, on: session)
    guard var current = subscriptions[id], read > current.readsApplied else { return }
    current.readsApplied = read
    let notification = current.notification(providers: providers, configurators: configurators, logger: logger)
    if notification != current.lastNotification {
      current.lastNotification = notification
      current.continuation.yield(notification)
    }
    subscriptions[id] = current
  }

  /// The children of a node, watched; none when the node was deleted (then its creation is
  /// watched).
  private func children(of path: String, on session: ZooKeeperSession) async throws(ZooKeeperError) -> [String] {
    do {
      return try await session.children(of: path, watch: true)
    } catch {
      guard error.code == .noNode else { throw error }
      guard try await session.exists(path, watch: true) != nil else { return [] }
      return try await session.children(of: path, watch: true)
    }
  }

  /// The children of a node, unwatched; none when there is no such node.
  private func childrenIfPresent(
    of path: String, on session: ZooKeeperSession
  ) async throws(ZooKeeperError)
    -> [String]
  {
    do {
      return try await session.children(of: path, watch: false)
    } catch {
      guard error.code == .noNode else { throw error }
      return []
    }
  }

  private func endSubscription(_ id: Int) {
    subscriptions[id] = nil
  }

  // MARK: - Sessions

  /// Hands the session's events to the registry while it exists.
  private nonisolated func observe(_ session: ZooKeeperSession) {
    Task { [weak self] in
      for await event in session.events {
        guard let self else { return }
        await self.handle(event, from: session)
      }
    }
  }

  private func handle(_ event: ZooKeeperEvent, from source: ZooKeeperSession) async {
    guard source === session else { return }
    switch event {
    case .session(.connected):
      if hasConnected {
        logger.info("Connected to ZooKeeper again; publishing the registrations and reading the subscriptions again")
      } else {
        logger.debug("Connected to ZooKeeper")
      }
      hasConnected = true
      resynchronize()
    case .session(.connecting):
      if hasConnected {
        logger.warning("Lost the connection to ZooKeeper; the subscriptions keep their last lists meanwhile")
      }
    case .session(.expired):
      logger.warning("The ZooKeeper session expired; starting a new one")
      await renewSession(source)
    case .session(.authenticationFailed):
      logger.warning("ZooKeeper rejected the session's authentication; starting a new session")
      await renewSession(source)
    case .session(.other):
      break
    case .node(let path):
      for (id, subscription) in subscriptions where subscription.follows(path) {
        do {
          try await refresh(id, on: source)
        } catch {
          logger.debug("Could not read \(path) again", metadata: ["error": "\(error)"])
          resynchronize()
        }
      }
    }
  }

  /// Replaces a session the server ended by a new one, which publishes and reads everything again
  /// once connected.
  private func renewSession(_ ended: ZooKeeperSession) async {
    var pause = Duration.milliseconds(100)
    while session === ended {
      do {
        let renewed = try ZooKeeperSession(connectString: connectString, sessionTimeout: sessionTimeout)
        session = renewed
        observe(renewed)
      } catch {
        logger.error(
          "Could not start a new ZooKeeper session; trying again in \(pause)", metadata: ["error": "\(error)"])
        try? await Task.sleep(for: pause)
        pause = min(pause * 2, .seconds(5))
      }
    }
    await ended.close()
  }

  /// Publishes every registration and reads every subscription again, in a task of its own that
  /// retries with growing pauses; a newer request replaces one under way.
  private func resynchronize() {
    resynchronization?.cancel()
    resynchronizationGeneration += 1
    let generation = resynchronizationGeneration
    resynchronization = Task { await self.resynchronizeAll(generation: generation) }
  }

  private func resynchronizeAll(generation: Int) async {
    var pause = Duration.milliseconds(100)
    while generation == resynchronizationGeneration, let session {
      do {
        for registration in registrations.values {
          try await publish(registration, on: session)
        }
        for id in subscriptions.keys {
          try await follow(id, on: session)
        }
        return
      } catch {
        logger.debug(
          "Could not publish and read everything again yet; trying again in \(pause)", metadata: ["error": "\(error)"])
        do {
          try await Task.sleep(for: pause)
        } catch {
          return
        }
        pause = min(pause * 2, .seconds(5))
      }
    }
  }

  private static func milliseconds(_ url: DubboURL, _ key: String, default: Int64) throws(ZooKeeperError) -> Duration {
    guard let text = url.parameters[key] else { return .milliseconds(`default`) }
    guard let value = Int64(text), value > 0 else {
      throw ZooKeeperError(
        code: .badArguments, message: "the registry URL's \(key)=\(text) is not a positive number of milliseconds")
    }
    return .milliseconds(value)
  }
}

extension ZooKeeperRegistry: CustomStringConvertible {
  /// The registry URL, for messages such as "No provider available … from registry …".
  public nonisolated var description: String { "registry \(url)" }
}
