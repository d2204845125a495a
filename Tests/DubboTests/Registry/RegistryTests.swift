import Dubbo
import DubboHessian
import NIOCore
import NIOPosix
import Testing

/// Providers publishing themselves in a registry and consumers following the list as it changes,
/// over the in-memory registry (the ZooKeeper registry has tests of its own).
@Suite struct RegistryTests {
  static let consumer = DubboURL.consumer(service: NamedService.descriptor, application: "registry-test")

  /// Waits until `condition` holds, for at most 5 s, and records an issue if it does not.
  static func expectEventually(
    _ condition: () -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) async throws {
    let deadline = ContinuousClock.now + .seconds(5)
    while !condition() {
      guard ContinuousClock.now < deadline else {
        Issue.record("the condition did not hold within 5 s", sourceLocation: sourceLocation)
        return
      }
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  @Test func serversRegisterEachServiceWithJavasProviderParameters() async throws {
    let registry = DubboStaticRegistry()
    try await withNamedServers([NamedProvider(providerName: "a")], registry: registry, parameters: [["weight": "50"]]) {
      servers in
      let directory = try await DubboProviderDirectory.subscribing(to: registry, consumer: Self.consumer)
      let url = try #require(directory.providers.first?.url)
      #expect(url.scheme == "dubbo")
      #expect(url.host == "127.0.0.1")
      #expect(url.port == servers[0].port)
      #expect(url.path == "org.apache.dubbo.test.NamedService")
      let parameters = url.parameters
      #expect(parameters["interface"] == "org.apache.dubbo.test.NamedService")
      #expect(parameters["methods"] == "name,refuse,slowName")
      #expect(parameters["side"] == "provider")
      #expect(parameters["application"] == "cluster-test")
      #expect(parameters["dubbo"] == "2.0.2")
      #expect(parameters["anyhost"] == "false")
      #expect(parameters["dynamic"] == "true")
      #expect(parameters["generic"] == "false")
      #expect(parameters["deprecated"] == "false")
      #expect(parameters["weight"] == "50")
      #expect(Int(parameters["pid"] ?? "") != nil)
      #expect(Int64(parameters["timestamp"] ?? "") != nil)
      await directory.close()
    }
  }

  @Test func consumersFollowProvidersComingAndGoing() async throws {
    let registry = DubboStaticRegistry()
    let directory = try await DubboProviderDirectory.subscribing(to: registry, consumer: Self.consumer)
    #expect(directory.providers.isEmpty)
    try await withNamedServers(
      [NamedProvider(providerName: "a"), NamedProvider(providerName: "b")], registry: registry
    ) { servers in
      try await Self.expectEventually { directory.providers.count == 2 }
      servers[0].server.beginGracefulShutdown()
      try await Self.expectEventually { directory.providers.map(\.port) == [servers[1].port] }
    }
    try await Self.expectEventually { directory.providers.isEmpty }
    await directory.close()
  }

  @Test func configuratorsOverrideAndDisableProviders() async throws {
    let registry = DubboStaticRegistry([
      DubboURL(host: "10.0.0.1", port: 20880, path: "org.apache.dubbo.test.NamedService"),
      DubboURL(host: "10.0.0.2", port: 20880, path: "org.apache.dubbo.test.NamedService"),
    ])
    let directory = try await DubboProviderDirectory.subscribing(
      to: registry, consumer: Self.consumer, registersConsumer: false)
    #expect(directory.providers.count == 2)
    try await registry.register(
      try DubboURL(
        parsing: "override://0.0.0.0/org.apache.dubbo.test.NamedService?category=configurators&dynamic=false&weight=200"
      )
    )
    try await Self.expectEventually { directory.providers.allSatisfy { $0.url.parameters["weight"] == "200" } }
    try await registry.register(
      try DubboURL(
        parsing: "override://10.0.0.1:20880/org.apache.dubbo.test.NamedService?category=configurators&disabled=true")
    )
    try await Self.expectEventually { directory.providers.map(\.host) == ["10.0.0.2"] }
    await directory.close()
  }

  /// A registry that accepts one registration and refuses the next.
  final class RefusingRegistry: DubboRegistry {
    let held = DubboStaticRegistry()

    func register(_ url: DubboURL) async throws {
      guard held.urls.isEmpty else { throw DubboRegistryClosedError() }
      try await held.register(url)
    }

    func unregister(_ url: DubboURL) async throws { try await held.unregister(url) }

    func subscribe(_ consumer: DubboURL) async throws -> AsyncStream<DubboRegistryNotification> {
      try await held.subscribe(consumer)
    }

    func lookup(_ consumer: DubboURL) async throws -> [DubboURL] { try await held.lookup(consumer) }

    func services() async throws -> [String] { try await held.services() }

    func close() async { await held.close() }
  }

  @Test func aServerThatCannotRegisterEverythingWithdrawsWhatItRegisteredAndStops() async throws {
    let registry = RefusingRegistry()
    var configuration = DubboServer.Configuration(port: 0)
    configuration.registration = .init(registry: registry, application: "refused")
    let server = DubboServer(
      configuration: configuration, services: [NamedProvider(providerName: "a"), TestProvider()])
    let error = await #expect(throws: DubboError.self) { try await server.serve() }
    #expect(error?.status == .serverError)
    #expect(error?.message.hasPrefix("Cannot register the services: ") == true)
    #expect(registry.held.urls.isEmpty)
  }

  /// A service implementing `$invoke` itself, as Java's `GenericService` implementations do.
  struct GenericImplementation: DubboServiceProvider {
    var serviceDescriptor: DubboServiceDescriptor { NamedService.descriptor }

    func registerMethods(with router: inout DubboMethodRouter) {
      router.register(DubboGeneric.invoke) { arguments, _ in .string("generic \(arguments.method)") }
    }
  }

  @Test func aServiceImplementingInvokeRegistersAsGenericAndIsCalledGenerically() async throws {
    let registry = DubboStaticRegistry()
    var configuration = DubboServer.Configuration(port: 0)
    configuration.registration = .init(registry: registry, application: "generic")
    let server = DubboServer(configuration: configuration, services: [GenericImplementation()])
    let serving = Task { try await server.serve() }
    _ = try await server.listeningAddress
    #expect(registry.urls.map { $0.parameters["generic"] } == ["true"])
    try await withDubboClient { client in
      let reference = DubboReference(
        service: NamedService.descriptor, directory: DubboProviderDirectory(providers: registry.urls),
        timeout: .seconds(10))
      let answer = try await client.invoke("anything", parameterTypes: [], arguments: [], reference: reference)
      #expect(answer == .string("generic anything"))
      // A typed call of such a provider goes out as $invoke, as Java's GenericImplFilter sends it.
      #expect(reference.directory.providersImplementGeneric)
      let typed = try await client.call(NamedService.name, arguments: .init("hi"), reference: reference)
      #expect(typed.value == "generic name")
    }
    server.beginGracefulShutdown()
    try await serving.value
  }

  @Test func aDirectoryWithoutProvidersNamesItsRegistry() async throws {
    let directory = try await DubboProviderDirectory.subscribing(to: DubboStaticRegistry(), consumer: Self.consumer)
    #expect(directory.source == "the in-memory registry")
    try await withDubboClient { client in
      let reference = DubboReference(service: NamedService.descriptor, directory: directory)
      let error = await #expect(throws: DubboError.self) {
        try await client.call(NamedService.name, arguments: .init("hi"), reference: reference)
      }
      #expect(error?.message.contains("from the in-memory registry.") == true)
    }
    await directory.close()
  }

  @Test func consumerRegistrationIsWithdrawnOnClose() async throws {
    let registry = DubboStaticRegistry()
    let directory = try await DubboProviderDirectory.subscribing(to: registry, consumer: Self.consumer)
    #expect(registry.urls == [Self.consumer])
    #expect(Self.consumer.parameters["category"] == "consumers")
    #expect(Self.consumer.parameters["side"] == "consumer")
    await directory.close()
    #expect(registry.urls.isEmpty)
  }

  @Test func providerChangesUnderLoadFailNoCall() async throws {
    let registry = DubboStaticRegistry()
    let directory = try await DubboProviderDirectory.subscribing(to: registry, consumer: Self.consumer)
    try await withNamedServers(
      [NamedProvider(providerName: "a"), NamedProvider(providerName: "b")], registry: registry
    ) { servers in
      try await Self.expectEventually { directory.providers.count == 2 }
      var roundRobin = DubboReference(service: NamedService.descriptor, directory: directory, timeout: .seconds(10))
      roundRobin.loadBalancer = .roundRobin
      let reference = roundRobin
      let failures = try await withDubboClient { client in
        try await withThrowingTaskGroup(of: Int.self) { group in
          for _ in 0..<8 {
            group.addTask {
              var failures = 0
              for _ in 0..<150 {
                do {
                  _ = try await client.call(NamedService.slowName, arguments: .init(2), reference: reference)
                } catch {
                  failures += 1
                }
              }
              return failures
            }
          }
          try await Task.sleep(for: .milliseconds(200))
          try await withNamedServers([NamedProvider(providerName: "c")], registry: registry) { _ in
            try await Task.sleep(for: .milliseconds(200))
            servers[0].server.beginGracefulShutdown()
            try await Task.sleep(for: .milliseconds(300))
          }
          return try await group.reduce(0, +)
        }
      }
      #expect(failures == 0)
    }
    await directory.close()
  }

  @Test func aKilledProviderFailsOverWithoutFailedCalls() async throws {
    let registry = DubboStaticRegistry()
    let directory = try await DubboProviderDirectory.subscribing(to: registry, consumer: Self.consumer)
    let doomedLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let doomedProvider = NamedProvider(providerName: "doomed")
    let doomed = DubboServer(
      configuration: .init(port: 0, gracefulShutdownTimeout: .milliseconds(100)),
      services: [doomedProvider],
      eventLoopGroup: doomedLoop
    )
    let serving = Task { try? await doomed.serve() }
    // Registered apart from the server, so it stays registered after the kill, as it would in
    // ZooKeeper until its session expires.
    let doomedPort = try await doomed.listeningAddress.port!
    try await registry.register(
      .provider(
        service: NamedService.descriptor, host: "127.0.0.1", port: doomedPort, application: "doomed", methods: ["name"])
    )
    try await withNamedServers([NamedProvider(providerName: "survivor")], registry: registry) { servers in
      try await Self.expectEventually { directory.providers.count == 2 }
      let reference = DubboReference(service: NamedService.descriptor, directory: directory, timeout: .seconds(10))
      let (failures, served) = try await withDubboClient { client in
        try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
          for _ in 0..<8 {
            group.addTask {
              var failures = 0
              var served: [String] = []
              for _ in 0..<100 {
                do {
                  served.append(
                    try await client.call(NamedService.slowName, arguments: .init(2), reference: reference).value)
                } catch {
                  failures += 1
                }
              }
              return (failures, served)
            }
          }
          while doomedProvider.callCount < 20 { try await Task.sleep(for: .milliseconds(5)) }
          // Every connection of the doomed provider closes at once, as when its process is killed.
          try await doomedLoop.shutdownGracefully()
          return try await group.reduce(into: (0, [String]())) {
            $0.0 += $1.0; $0.1 += $1.1
          }
        }
      }
      #expect(failures == 0)
      #expect(served.contains("doomed"))
      #expect(served.last == "survivor")
      #expect(directory.providers.count == 2)
    }
    serving.cancel()
    await directory.close()
  }
}
