import Dubbo
import DubboHessian
import Testing

/// Calls placed on several real providers over loopback: where they go, and what each cluster
/// strategy does when a provider fails.
@Suite struct ClusterTests {
  static func reference(
    _ providers: [DubboURL],
    cluster: DubboClusterStrategy = .failover,
    loadBalancer: any DubboLoadBalancer = .random
  ) -> DubboReference {
    var reference = DubboReference(
      service: NamedService.descriptor,
      directory: DubboProviderDirectory(providers: providers),
      timeout: .seconds(10)
    )
    reference.cluster = cluster
    reference.loadBalancer = loadBalancer
    return reference
  }

  static func name(_ client: DubboClient, _ reference: DubboReference) async throws -> String {
    try await client.call(NamedService.name, arguments: .init("hi"), reference: reference).value
  }

  @Test func roundRobinSpreadsCallsEvenly() async throws {
    try await withNamedServers([
      NamedProvider(providerName: "a"), NamedProvider(providerName: "b"), NamedProvider(providerName: "c"),
    ]) { servers in
      try await withDubboClient { client in
        let reference = Self.reference(servers.map(\.url), loadBalancer: .roundRobin)
        for _ in 0..<90 { _ = try await Self.name(client, reference) }
      }
      #expect(servers.map { $0.provider.callCount } == [30, 30, 30])
    }
  }

  @Test func registeredWeightsShapeRoundRobin() async throws {
    let registry = DubboStaticRegistry()
    try await withNamedServers(
      [NamedProvider(providerName: "light"), NamedProvider(providerName: "heavy")],
      registry: registry,
      parameters: [["weight": "100", "warmup": "0"], ["weight": "300", "warmup": "0"]]
    ) { servers in
      let directory = try await DubboProviderDirectory.subscribing(
        to: registry,
        consumer: .consumer(service: NamedService.descriptor, application: "cluster-test")
      )
      #expect(directory.providers.count == 2)
      var reference = Self.reference([], loadBalancer: .roundRobin)
      reference.directory = directory
      try await withDubboClient { client in
        for _ in 0..<400 { _ = try await Self.name(client, reference) }
      }
      #expect(servers.map { $0.provider.callCount } == [100, 300])
      await directory.close()
    }
  }

  @Test func failoverSkipsAnUnreachableProvider() async throws {
    try await withNamedServers([NamedProvider(providerName: "alive")]) { servers in
      try await withDubboClient { client in
        let reference = Self.reference([deadProviderURL, servers[0].url])
        for _ in 0..<20 {
          let name = try await Self.name(client, reference)
          #expect(name == "alive")
        }
      }
    }
  }

  @Test func failoverReportsEveryAttempt() async throws {
    try await withDubboClient { client in
      let reference = Self.reference([deadProviderURL], cluster: .failover(retries: 2))
      let error = await #expect(throws: DubboError.self) { try await Self.name(client, reference) }
      #expect(error?.status == .channelInactive)
      #expect(
        error?.message.hasPrefix(
          "Failed to invoke the method name in the service org.apache.dubbo.test.NamedService. Tried 3 times of the providers [127.0.0.9:20880] (1/1)"
        ) == true)
    }
  }

  @Test func businessExceptionsAreNotRetried() async throws {
    try await withNamedServers([NamedProvider(providerName: "a"), NamedProvider(providerName: "b")]) { servers in
      try await withDubboClient { client in
        let reference = Self.reference(servers.map(\.url), cluster: .failover(retries: 5))
        let error = await #expect(throws: DubboError.self) {
          try await client.call(NamedService.refuse, arguments: .init("x"), reference: reference)
        }
        #expect(error?.exception?.className == "java.lang.IllegalStateException")
      }
      #expect(servers.map { $0.provider.callCount }.reduce(0, +) == 1)
    }
  }

  @Test func failfastFailsOnTheFirstError() async throws {
    try await withNamedServers([NamedProvider(providerName: "a")]) { servers in
      try await withDubboClient { client in
        let reference = Self.reference(
          [deadProviderURL, servers[0].url], cluster: .failfast, loadBalancer: .roundRobin)
        var failures = 0
        for _ in 0..<4 {
          do { _ = try await Self.name(client, reference) } catch let error as DubboError {
            #expect(error.status == .channelInactive)
            failures += 1
          }
        }
        #expect(failures > 0)
      }
    }
  }

  @Test func failsafeAnswersNull() async throws {
    try await withDubboClient { client in
      let reference = Self.reference([deadProviderURL], cluster: .failsafe)
      let value = try await client.call(NamedService.refuse, arguments: .init("x"), reference: reference).value
      #expect(value == nil)
    }
  }

  @Test func forkingTakesTheFirstAnswer() async throws {
    try await withNamedServers([
      NamedProvider(providerName: "slow", delay: .seconds(5)), NamedProvider(providerName: "fast"),
    ]) { servers in
      try await withDubboClient { client in
        let reference = Self.reference(servers.map(\.url), cluster: .forking(forks: 2))
        let start = ContinuousClock.now
        let name = try await Self.name(client, reference)
        #expect(name == "fast")
        #expect(ContinuousClock.now - start < .seconds(4))
      }
    }
  }

  @Test func broadcastCallsEveryProvider() async throws {
    try await withNamedServers([
      NamedProvider(providerName: "a"), NamedProvider(providerName: "b"), NamedProvider(providerName: "c"),
    ]) { servers in
      try await withDubboClient { client in
        let reference = Self.reference(servers.map(\.url), cluster: .broadcast)
        _ = try await Self.name(client, reference)
        let failing = Self.reference(servers.map(\.url) + [deadProviderURL], cluster: .broadcast)
        await #expect(throws: DubboError.self) { try await Self.name(client, failing) }
      }
      #expect(servers.map { $0.provider.callCount } == [2, 2, 2])
    }
  }

  @Test func noProviderIsAClearError() async throws {
    try await withDubboClient { client in
      let error = await #expect(throws: DubboError.self) { try await Self.name(client, Self.reference([])) }
      #expect(error?.status == .serviceNotFound)
      #expect(
        error?.message.hasPrefix(
          "No provider available for the service org.apache.dubbo.test.NamedService from the static provider list.")
          == true)
    }
  }
}
