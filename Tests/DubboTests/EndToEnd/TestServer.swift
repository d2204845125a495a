import Dubbo
import Logging
import NIOCore

/// Runs `body` against a server on a free loopback port, then shuts the server down gracefully
/// and waits for it to stop.
func withTestServer<Result: Sendable>(
  _ configuration: DubboServer.Configuration = DubboServer.Configuration(port: 0),
  services: [any DubboServiceProvider] = [TestProvider()],
  _ body: (DubboServer, Int) async throws -> Result
) async throws -> Result {
  let server = DubboServer(configuration: configuration, services: services)
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await server.serve() }
    let port = try await server.listeningAddress.port!
    do {
      let result = try await body(server, port)
      server.beginGracefulShutdown()
      try await group.waitForAll()
      return result
    } catch {
      server.beginGracefulShutdown()
      try? await group.waitForAll()
      throw error
    }
  }
}

/// A reference to the test server that fails fast: these tests watch one call at a time (the
/// cluster tests cover retries).
func testReference(port: Int, serialization: DubboSerializationID = .hessian2) -> DubboReference {
  testReference(host: "127.0.0.1", port: port, serialization: serialization)
}

/// Loopback addresses (all of 127.0.0.0/8 is loopback) that one test each listens on, for tests
/// that stop a provider and then expect its port to stay free: other tests listen on 127.0.0.1,
/// and their connections come from it.
enum IsolatedHost {
  static let providerRestart = "127.0.0.2"
  static let gracefulShutdown = "127.0.0.3"
}

/// ``testReference(port:serialization:)`` on another host.
///
/// Calls fail fast and wait up to 10 s (not Java's 1 s): the suite runs JVMs, ZooKeeper servers
/// and provider processes beside these tests on a small machine, which can stall a process for
/// over a second. Tests of timeouts set their own.
func testReference(host: String, port: Int, serialization: DubboSerializationID = .hessian2) -> DubboReference {
  var reference = DubboReference(
    host: host, port: port, service: TestService.descriptor, serialization: serialization, timeout: .seconds(10))
  reference.cluster = .failfast
  return reference
}
