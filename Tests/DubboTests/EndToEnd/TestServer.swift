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

func testReference(port: Int, serialization: DubboSerializationID = .hessian2) -> DubboReference {
  DubboReference(host: "127.0.0.1", port: port, service: TestService.descriptor, serialization: serialization)
}

/// A port in `range` that a test server could bind just now.
func firstBindablePort(in range: Range<Int>) async throws -> Int {
  for _ in 0..<20 {
    let candidate = Int.random(in: range)
    do {
      return try await withTestServer(DubboServer.Configuration(port: candidate)) { _, port in port }
    } catch let error as DubboError where error.status == .serverError {
      continue
    }
  }
  throw DubboError(status: .serverError, message: "no bindable port in \(range)")
}
