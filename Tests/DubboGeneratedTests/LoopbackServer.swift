import Dubbo
import NIOCore

/// Runs `body` with a client connected to a server on a free loopback port that exports
/// `services` (with `configuration`'s settings), then shuts both down.
func withLoopback<Result: Sendable>(
  _ services: [any DubboServiceProvider],
  configuration: DubboServer.Configuration = DubboServer.Configuration(),
  _ body: (DubboClient, Int) async throws -> Result
) async throws -> Result {
  var configuration = configuration
  (configuration.host, configuration.port) = ("127.0.0.1", 0)
  let server = DubboServer(configuration: configuration, services: services)
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await server.serve() }
    defer { server.beginGracefulShutdown() }
    let port = try await server.listeningAddress.port!
    return try await withDubboClient { client in try await body(client, port) }
  }
}

extension DubboReference {
  /// The reference with a timeout a loaded test machine cannot miss; timeouts have tests of their
  /// own.
  var patient: DubboReference {
    var reference = self
    reference.timeout = .seconds(30)
    return reference
  }
}

/// Returns once `condition` holds, or after 5 s (the caller's expectations then fail): for effects
/// of oneway calls, which nothing answers.
func waitUntil(_ condition: () -> Bool) async throws {
  let deadline = ContinuousClock.now + .seconds(5)
  while !condition(), ContinuousClock.now < deadline {
    try await Task.sleep(for: .milliseconds(10))
  }
}
