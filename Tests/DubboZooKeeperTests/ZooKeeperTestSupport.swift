import Dubbo
import DubboZooKeeper
import Foundation
import InteropSupport
import Logging
import NIOConcurrencyHelpers

#if canImport(Glibc)
  import Glibc
#endif

/// The ZooKeeper server the tests share: `DUBBO_TEST_ZOOKEEPER` (scripts/test.sh starts one and
/// sets it), else `127.0.0.1:2181` (`scripts/zookeeper.sh start`).
let sharedZooKeeper = ProcessInfo.processInfo.environment["DUBBO_TEST_ZOOKEEPER"] ?? "127.0.0.1:2181"

let testLogger = Logger(label: "dubbo.zookeeper.tests")

/// Fails, saying how to start one, when no server answers at ``sharedZooKeeper``.
func requireSharedZooKeeper() async throws {
  try await RawZooKeeper(sharedZooKeeper).close()
}

/// A registry URL for a server; operations give up after 10 s without it.
func registryURL(_ address: String, _ parameters: String = "timeout=10000") throws -> DubboURL {
  try DubboURL(parsing: "zookeeper://\(address)?\(parameters)")
}

/// An interface name no other test (or earlier run) uses.
func uniqueInterface(_ name: String = "Greeter") -> String {
  "org.apache.dubbo.swift.zktest.\(name)" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
}

/// A provider URL as a Java provider registers it (fewer parameters).
func providerURL(
  _ interface: String,
  port: Int = 20880,
  scheme: String = "dubbo",
  _ parameters: [String: String] = [:]
) -> DubboURL {
  DubboURL(
    scheme: scheme,
    host: "127.0.0.1",
    port: port,
    path: interface,
    parameters: [
      "anyhost": "true", "application": "swift-provider", "dubbo": "2.0.2", "dynamic": "true",
      "interface": interface, "methods": "sayHello", "side": "provider",
    ].merging(parameters) { $1 }
  )
}

/// A consumer URL as a Java consumer subscribes with it.
func consumerURL(_ interface: String, _ parameters: [String: String] = [:]) -> DubboURL {
  DubboURL(
    scheme: "consumer",
    host: "10.0.0.9",
    path: interface,
    parameters: [
      "application": "swift-consumer", "category": "consumers", "check": "false", "dubbo": "2.0.2",
      "interface": interface, "side": "consumer",
    ].merging(parameters) { $1 }
  )
}

/// Waits until `condition` holds, checking every 20 ms.
/// - Throws: when it still does not after `timeout`.
func eventually(
  _ what: String,
  timeout: Duration = .seconds(10),
  _ condition: () async throws -> Bool
) async throws {
  let deadline = ContinuousClock.now + timeout
  while try await !condition() {
    guard ContinuousClock.now < deadline else { throw TestError("timed out after \(timeout) waiting for \(what)") }
    try await Task.sleep(for: .milliseconds(20))
  }
}

/// Everything a subscription yielded, with when it arrived.
final class NotificationRecorder: Sendable {
  struct Received: Sendable {
    var notification: DubboRegistryNotification
    var time: ContinuousClock.Instant
  }

  private let received: NIOLockedValueBox<[Received]>
  private let reader: Task<Void, Never>

  init(_ stream: AsyncStream<DubboRegistryNotification>) {
    let received = NIOLockedValueBox<[Received]>([])
    self.received = received
    reader = Task {
      for await notification in stream {
        received.withLockedValue { $0.append(Received(notification: notification, time: .now)) }
      }
    }
  }

  deinit { reader.cancel() }

  /// How many notifications arrived so far.
  var count: Int { received.withLockedValue { $0.count } }

  /// The last notification.
  var latest: DubboRegistryNotification? { received.withLockedValue { $0.last?.notification } }

  /// The first notification after the first `skipping` that satisfies `predicate`, waiting up to
  /// `timeout` for it.
  func first(
    after skipping: Int = 0,
    timeout: Duration = .seconds(10),
    where predicate: (DubboRegistryNotification) -> Bool
  ) async throws -> Received {
    var found: Received?
    try await eventually("a notification", timeout: timeout) {
      found = received.withLockedValue { $0.dropFirst(skipping).first { predicate($0.notification) } }
      return found != nil
    }
    return found!
  }

  /// Waits for the latest notification to have exactly these providers (in any order).
  func waitForProviders(_ providers: [DubboURL], timeout: Duration = .seconds(10)) async throws {
    try await eventually("the providers \(providers)", timeout: timeout) {
      latest.map { Set($0.providers) == Set(providers) && $0.providers.count == providers.count } ?? false
    }
  }
}

/// A ZooKeeper server of a test's own, for tests that stop it: on a free loopback port outside the
/// ephemeral range, with its data in a directory of its own, started and stopped by
/// scripts/zookeeper.sh.
struct PrivateZooKeeperServer: Sendable {
  let port: Int
  let directory: String

  var address: String { "127.0.0.1:\(port)" }

  static func start() async throws -> PrivateZooKeeperServer {
    let server = PrivateZooKeeperServer(
      port: try LoopbackPort.free(),
      directory: FileManager.default.temporaryDirectory.appendingPathComponent("dubbo-zk-\(UUID().uuidString)").path
    )
    try await server.start()
    return server
  }

  /// Starts the server (again), with the data its directory holds.
  func start() async throws {
    try await script("start")
  }

  /// Stops the server, keeping its data for a restart or deleting it.
  func stop(keepData: Bool) async throws {
    try await script("stop", keepData ? ["--keep-data"] : [])
  }

  private func script(_ command: String, _ options: [String] = []) async throws {
    let script = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("scripts/zookeeper.sh")
    let result = try await ChildProcess.run(
      URL(fileURLWithPath: "/bin/bash"),
      [script.path, command, "--port", "\(port)", "--dir", directory] + options,
      timeout: .seconds(120)
    )
    guard result.status == 0, !result.wasKilled else {
      throw TestError("scripts/zookeeper.sh \(command) failed:\n\(result.output)")
    }
  }
}

/// What a test opened, closed when it ends, passed or failed.
final class TestResources: Sendable {
  private struct Opened {
    var registries: [ZooKeeperRegistry] = []
    var raw: [RawZooKeeper] = []
    var relays: [TCPRelay] = []
    var servers: [PrivateZooKeeperServer] = []
  }

  private let opened = NIOLockedValueBox(Opened())

  /// A registry for `url`.
  func registry(_ url: DubboURL) throws -> ZooKeeperRegistry {
    let registry = try ZooKeeperRegistry(url: url, logger: testLogger)
    opened.withLockedValue { $0.registries.append(registry) }
    return registry
  }

  /// A plain session with `address`.
  func raw(_ address: String) async throws -> RawZooKeeper {
    let raw = try await RawZooKeeper(address)
    opened.withLockedValue { $0.raw.append(raw) }
    return raw
  }

  /// A relay to `address`.
  func relay(to address: String) throws -> TCPRelay {
    let relay = try TCPRelay(to: address)
    opened.withLockedValue { $0.relays.append(relay) }
    return relay
  }

  /// A private server, started.
  func server() async throws -> PrivateZooKeeperServer {
    let server = try await PrivateZooKeeperServer.start()
    opened.withLockedValue { $0.servers.append(server) }
    return server
  }

  fileprivate func release() async {
    let opened = opened.withLockedValue { $0 }
    for registry in opened.registries {
      await registry.close()
    }
    for raw in opened.raw {
      raw.close()
    }
    for relay in opened.relays {
      relay.close()
    }
    for server in opened.servers {
      try? await server.stop(keepData: false)
    }
  }
}

/// Runs `body`, then closes what it opened.
func withResources(_ body: (TestResources) async throws -> Void) async throws {
  let resources = TestResources()
  do {
    try await body(resources)
  } catch {
    await resources.release()
    throw error
  }
  await resources.release()
}
