import Dubbo
import DubboHessian
import NIOConcurrencyHelpers
import NIOCore

/// A service whose providers say who they are, for tests that watch where calls go.
enum NamedService {
  static let descriptor = DubboServiceDescriptor(interface: "org.apache.dubbo.test.NamedService")

  /// `String name(String note)`: the provider's name.
  static let name = DubboMethod(
    name: "name",
    parameterTypes: [TestService.string],
    returnType: TestService.string,
    arguments: DubboArgumentList<String>.self,
    result: String.self
  )
  /// `String slowName(int milliseconds)`: the provider's name, after a pause.
  static let slowName = DubboMethod(
    name: "slowName",
    parameterTypes: [.int],
    returnType: TestService.string,
    arguments: DubboArgumentList<Int32>.self,
    result: String.self
  )
  /// `String refuse(String note)`: throws `java.lang.IllegalStateException`.
  static let refuse = DubboMethod(
    name: "refuse",
    parameterTypes: [TestService.string],
    returnType: TestService.string,
    arguments: DubboArgumentList<String>.self,
    result: String?.self
  )
}

/// A provider of ``NamedService`` that counts the calls it ran.
struct NamedProvider: DubboServiceProvider {
  let providerName: String
  /// How long `name` takes.
  var delay: Duration = .zero
  let calls = NIOLockedValueBox(0)

  var serviceDescriptor: DubboServiceDescriptor { NamedService.descriptor }
  /// How many calls the provider ran.
  var callCount: Int { calls.withLockedValue { $0 } }

  func registerMethods(with router: inout DubboMethodRouter) {
    router.register(NamedService.name) { _, _ in
      calls.withLockedValue { $0 += 1 }
      if delay > .zero { try await Task.sleep(for: delay) }
      return providerName
    }
    router.register(NamedService.slowName) { arguments, _ in
      calls.withLockedValue { $0 += 1 }
      try await Task.sleep(for: .milliseconds(Int(arguments.values)))
      return providerName
    }
    router.register(NamedService.refuse) { _, _ in
      calls.withLockedValue { $0 += 1 }
      throw JavaThrowable(className: "java.lang.IllegalStateException", message: "refused by \(providerName)")
    }
  }
}

/// A running server of one ``NamedProvider``, registered in `registry` when one is given.
struct NamedServer {
  let provider: NamedProvider
  let server: DubboServer
  let port: Int
  let url: DubboURL
}

/// Runs `body` with one server per provider on free loopback ports (each on its own event loop
/// group, so a test can drop all its connections at once as a killed process would), then shuts
/// them down.
func withNamedServers<Result: Sendable>(
  _ providers: [NamedProvider],
  registry: (any DubboRegistry)? = nil,
  parameters: [[String: String]] = [],
  _ body: ([NamedServer]) async throws -> Result
) async throws -> Result {
  try await withThrowingTaskGroup(of: Void.self) { group in
    var servers: [NamedServer] = []
    for (index, provider) in providers.enumerated() {
      var configuration = DubboServer.Configuration(port: 0, gracefulShutdownTimeout: .seconds(2))
      if let registry {
        configuration.registration = .init(
          registry: registry,
          application: "cluster-test",
          parameters: index < parameters.count ? parameters[index] : [:]
        )
      }
      let server = DubboServer(configuration: configuration, services: [provider])
      group.addTask { try await server.serve() }
      let port = try await server.listeningAddress.port!
      let url = DubboURL(host: "127.0.0.1", port: port, path: NamedService.descriptor.interface)
      servers.append(NamedServer(provider: provider, server: server, port: port, url: url))
    }
    defer { for named in servers { named.server.beginGracefulShutdown() } }
    let result = try await body(servers)
    for named in servers { named.server.beginGracefulShutdown() }
    try await group.waitForAll()
    return result
  }
}

/// A loopback URL of ``NamedService`` where nothing listens: connecting to it is refused at once.
let deadProviderURL = DubboURL(host: "127.0.0.9", port: 20880, path: NamedService.descriptor.interface)
