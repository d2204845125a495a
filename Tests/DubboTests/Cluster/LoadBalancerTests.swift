import NIOConcurrencyHelpers
import Testing

@testable import Dubbo

// The statistical tests pick 60 000 times and allow a share 0.012 off its expected value: at
// least 5.9 standard deviations, so a correct balancer fails any of them less than once in 10^7 runs.
@Suite struct LoadBalancerTests {
  private let service = DubboServiceDescriptor(interface: "org.apache.dubbo.sample.GreeterService")
  private let picks = 60_000
  private let tolerance = 0.012

  private func provider(
    _ host: String,
    weight: Int? = nil,
    uptime: Int64? = nil,
    warmup: Int64? = nil,
    parameters: [String: String] = [:]
  ) -> DubboProviderEndpoint {
    var parameters = parameters
    parameters["weight"] = weight.map { String($0) }
    parameters["timestamp"] = uptime.map { String(DubboProviderEndpoint.currentMilliseconds() - $0) }
    parameters["warmup"] = warmup.map { String($0) }
    return DubboProviderEndpoint(
      url: DubboURL(host: host, port: 20880, path: service.interface, parameters: parameters))
  }

  private func call(
    method: String = "sayHello",
    hashKey: String? = nil,
    statistics: DubboCallStatistics = DubboCallStatistics()
  ) -> DubboLoadBalancedCall {
    DubboLoadBalancedCall(service: service, method: method, hashKey: hashKey, statistics: statistics)
  }

  /// How many of `count` picks went to each provider, by host.
  private func tally(
    _ balancer: some DubboLoadBalancer,
    _ providers: [DubboProviderEndpoint],
    _ call: DubboLoadBalancedCall,
    count: Int
  ) -> [String: Int] {
    var counts: [String: Int] = [:]
    for _ in 0..<count {
      counts[balancer.select(from: providers, for: call).host, default: 0] += 1
    }
    return counts
  }

  private func sequence(
    _ balancer: some DubboLoadBalancer,
    _ providers: [DubboProviderEndpoint],
    _ call: DubboLoadBalancedCall,
    count: Int
  ) -> String {
    (0..<count).map { _ in balancer.select(from: providers, for: call).host }.joined(separator: " ")
  }

  private func expectShare(
    _ counts: [String: Int],
    _ host: String,
    _ expected: Double,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let share = Double(counts[host, default: 0]) / Double(counts.values.reduce(0, +))
    #expect(
      abs(share - expected) < tolerance, "\(host): \(share) instead of \(expected)", sourceLocation: sourceLocation)
  }

  private func record(
    _ statistics: DubboCallStatistics,
    _ provider: DubboProviderEndpoint,
    calls: Int,
    taking elapsed: Duration,
    method: String = "sayHello"
  ) {
    for _ in 0..<calls {
      statistics.callStarted(provider: provider, service: service, method: method)
      statistics.callEnded(provider: provider, service: service, method: method, elapsed: elapsed, succeeded: true)
    }
  }

  private func start(_ statistics: DubboCallStatistics, _ provider: DubboProviderEndpoint, calls: Int) {
    for _ in 0..<calls {
      statistics.callStarted(provider: provider, service: service, method: "sayHello")
    }
  }

  /// A clock the test moves by hand.
  private final class ManualClock: Sendable {
    let start = ContinuousClock.now
    private let elapsed = NIOLockedValueBox(Duration.zero)

    var now: ContinuousClock.Instant { start + elapsed.withLockedValue { $0 } }
    var milliseconds: Int64 { Int64(elapsed.withLockedValue { $0 } / .milliseconds(1)) }

    func advance(by duration: Duration) {
      elapsed.withLockedValue { $0 += duration }
    }
  }

  // MARK: Random

  @Test func randomHonoursWeights() {
    let providers = [provider("a", weight: 100), provider("b", weight: 200), provider("c", weight: 300)]
    let counts = tally(DubboRandomLoadBalancer(), providers, call(), count: picks)
    expectShare(counts, "a", 1.0 / 6)
    expectShare(counts, "b", 2.0 / 6)
    expectShare(counts, "c", 3.0 / 6)
  }

  @Test func randomSpreadsEvenlyOverEqualWeights() {
    let providers = [provider("a", weight: 100), provider("b", weight: 100), provider("c", weight: 100)]
    let counts = tally(DubboRandomLoadBalancer(), providers, call(), count: picks)
    for host in ["a", "b", "c"] {
      expectShare(counts, host, 1.0 / 3)
    }
  }

  @Test func randomGivesAWarmingProviderItsShareOfWeight() {
    let warming = provider("a", uptime: 60_000, warmup: 600_000)
    #expect(warming.weight(for: "sayHello") == 10)
    let providers = [warming, provider("b", uptime: 3_600_000, warmup: 600_000)]
    let counts = tally(DubboRandomLoadBalancer(), providers, call(), count: picks)
    expectShare(counts, "a", 10.0 / 110)
    expectShare(counts, "b", 100.0 / 110)
  }

  @Test func randomUsesMethodWeights() {
    let providers = [
      provider("a", weight: 100, parameters: ["sayHello.weight": "300"]),
      provider("b", weight: 100),
    ]
    let counts = tally(DubboRandomLoadBalancer(), providers, call(), count: picks)
    expectShare(counts, "a", 0.75)
  }

  // Java weighs only when the first provider's URL has a weight or a timestamp.
  @Test func randomIgnoresWeightsWhenTheFirstProviderHasNone() {
    let providers = [provider("a"), provider("b", weight: 300)]
    let counts = tally(DubboRandomLoadBalancer(), providers, call(), count: picks)
    expectShare(counts, "a", 0.5)
  }

  // MARK: Round robin

  @Test func roundRobinInterleavesHeavyProvidersSmoothly() {
    let providers = [provider("a", weight: 5), provider("b", weight: 1), provider("c", weight: 1)]
    let picked = sequence(DubboRoundRobinLoadBalancer(), providers, call(), count: 14)
    #expect(picked == "a a b a c a a a a b a c a a")
  }

  @Test func roundRobinCyclesThroughEqualWeights() {
    let providers = [provider("a"), provider("b"), provider("c")]
    let picked = sequence(DubboRoundRobinLoadBalancer(), providers, call(), count: 7)
    #expect(picked == "a b c a b c a")
  }

  @Test func roundRobinHonoursWeightsExactlyEveryCycle() {
    let providers = [provider("a", weight: 100), provider("b", weight: 200), provider("c", weight: 300)]
    let counts = tally(DubboRoundRobinLoadBalancer(), providers, call(), count: 600)
    #expect(counts == ["a": 100, "b": 200, "c": 300])
  }

  @Test func roundRobinKeepsATurnPerMethod() {
    let balancer = DubboRoundRobinLoadBalancer()
    let providers = [provider("a", weight: 5), provider("b", weight: 1), provider("c", weight: 1)]
    var hello: [String] = []
    var bye: [String] = []
    for _ in 0..<7 {
      hello.append(balancer.select(from: providers, for: call(method: "sayHello")).host)
      bye.append(balancer.select(from: providers, for: call(method: "sayGoodbye")).host)
    }
    #expect(hello == ["a", "a", "b", "a", "c", "a", "a"])
    #expect(bye == hello)
  }

  @Test func roundRobinForgetsProvidersGoneForAMinute() {
    let clock = ManualClock()
    let balancer = DubboRoundRobinLoadBalancer(now: { clock.milliseconds })
    let all = [provider("a"), provider("b"), provider("c")]
    let addresses = Set(all.map(\.address))
    _ = sequence(balancer, all, call(), count: 3)
    #expect(balancer.trackedAddresses(service: service, method: "sayHello") == addresses)

    clock.advance(by: .seconds(60))
    _ = balancer.select(from: Array(all.prefix(2)), for: call())
    #expect(balancer.trackedAddresses(service: service, method: "sayHello") == addresses)

    clock.advance(by: .milliseconds(1))
    _ = balancer.select(from: Array(all.prefix(2)), for: call())
    #expect(balancer.trackedAddresses(service: service, method: "sayHello") == Set(all.prefix(2).map(\.address)))
  }

  // MARK: Least active

  @Test func leastActivePrefersTheIdlestProvider() {
    let statistics = DubboCallStatistics()
    let providers = [provider("a"), provider("b"), provider("c")]
    start(statistics, providers[0], calls: 2)
    start(statistics, providers[2], calls: 1)
    let balancer = DubboLeastActiveLoadBalancer()
    #expect(tally(balancer, providers, call(statistics: statistics), count: 100) == ["b": 100])

    start(statistics, providers[1], calls: 3)
    #expect(tally(balancer, providers, call(statistics: statistics), count: 100) == ["c": 100])
  }

  @Test func leastActiveSplitsTiesByWeight() {
    let statistics = DubboCallStatistics()
    let providers = [provider("a", weight: 100), provider("b", weight: 300), provider("c", weight: 600)]
    start(statistics, providers[2], calls: 1)
    let counts = tally(DubboLeastActiveLoadBalancer(), providers, call(statistics: statistics), count: picks)
    #expect(counts["c"] == nil)
    expectShare(counts, "a", 0.25)
    expectShare(counts, "b", 0.75)
  }

  // MARK: Consistent hash

  private let ringProviders = ["10.0.0.1", "10.0.0.2", "10.0.0.3"].map {
    DubboProviderEndpoint(url: DubboURL(host: $0, port: 20880))
  }

  private func owners(
    _ balancer: DubboConsistentHashLoadBalancer,
    _ providers: [DubboProviderEndpoint],
    keys: Range<Int>
  ) -> [String] {
    keys.map { balancer.select(from: providers, for: call(hashKey: "user-\($0)")).host }
  }

  @Test func consistentHashSendsAKeyToTheSameProviderEveryTime() {
    let balancer = DubboConsistentHashLoadBalancer()
    let first = owners(balancer, ringProviders, keys: 0..<1000)
    #expect(owners(balancer, ringProviders, keys: 0..<1000) == first)
    #expect(owners(DubboConsistentHashLoadBalancer(), ringProviders, keys: 0..<1000) == first)
    let noKey = balancer.select(from: ringProviders, for: call(hashKey: nil))
    #expect(balancer.select(from: ringProviders, for: call(hashKey: "")) == noKey)
  }

  @Test func consistentHashMovesOnlyTheKeysOfARemovedProvider() {
    let balancer = DubboConsistentHashLoadBalancer()
    let before = owners(balancer, ringProviders, keys: 0..<3000)
    let after = owners(balancer, [ringProviders[0], ringProviders[2]], keys: 0..<3000)
    #expect(before.filter { $0 == "10.0.0.2" }.count > 500)
    for (old, new) in zip(before, after) where old != "10.0.0.2" {
      #expect(new == old)
    }
    #expect(!after.contains("10.0.0.2"))
    #expect(owners(balancer, ringProviders, keys: 0..<3000) == before)
  }

  // The expected counts and owners come from a separate port of Java's ConsistentHashSelector to
  // Python's hashlib; 160 points each keep every share within 6 % of a third.
  @Test func consistentHashSpreadsKeysLikeJava() {
    let balancer = DubboConsistentHashLoadBalancer()
    let counts = Dictionary(owners(balancer, ringProviders, keys: 0..<30_000).map { ($0, 1) }, uniquingKeysWith: +)
    #expect(counts == ["10.0.0.1": 10_218, "10.0.0.2": 10_303, "10.0.0.3": 9_479])
    let named = ["", "alice", "bob", "42"].map { balancer.select(from: ringProviders, for: call(hashKey: $0)).host }
    #expect(named == ["10.0.0.1", "10.0.0.1", "10.0.0.1", "10.0.0.2"])
  }

  @Test func consistentHashPlacesPointsAtTheDigestsLittleEndianWords() {
    let digest = MD5.digest("127.0.0.1:208800")
    let positions = (0..<4).map { DubboConsistentHashLoadBalancer.Ring.position(digest, $0) }
    #expect(positions == [0xee8d_4ff7, 0xdd89_0d9c, 0x2629_7bc4, 0xb5c3_4e37])
  }

  // MARK: Shortest response

  @Test func shortestResponsePrefersTheFasterProvider() {
    let statistics = DubboCallStatistics()
    let providers = [provider("a"), provider("b"), provider("c")]
    record(statistics, providers[0], calls: 5, taking: .milliseconds(50))
    record(statistics, providers[1], calls: 5, taking: .milliseconds(10))
    record(statistics, providers[2], calls: 5, taking: .milliseconds(30))
    let balancer = DubboShortestResponseLoadBalancer()
    #expect(tally(balancer, providers, call(statistics: statistics), count: 100) == ["b": 100])

    // Four calls under way make b's expected 50 ms, beyond c's 30 ms.
    start(statistics, providers[1], calls: 4)
    #expect(tally(balancer, providers, call(statistics: statistics), count: 100) == ["c": 100])
  }

  @Test func shortestResponseForgetsCallsOfAnEndedWindow() {
    let clock = ManualClock()
    let statistics = DubboCallStatistics(slidePeriod: .seconds(30), now: { clock.now })
    let providers = [provider("a"), provider("b")]
    let balancer = DubboShortestResponseLoadBalancer()
    record(statistics, providers[0], calls: 5, taking: .milliseconds(10))
    record(statistics, providers[1], calls: 5, taking: .milliseconds(50))
    #expect(tally(balancer, providers, call(statistics: statistics), count: 100) == ["a": 100])

    clock.advance(by: .seconds(31))
    _ = balancer.select(from: providers, for: call(statistics: statistics))
    record(statistics, providers[0], calls: 1, taking: .milliseconds(10))
    #expect(tally(balancer, providers, call(statistics: statistics), count: 100) == ["b": 100])
    let slow = statistics.snapshot(provider: providers[1], service: service, method: "sayHello")
    #expect(slow.total == 5 && slow.windowSucceeded == 0)
  }

  // MARK: Statistics

  @Test func statisticsCountCallsPerProviderServiceAndMethod() {
    let statistics = DubboCallStatistics()
    let providers = [provider("a"), provider("b")]
    for _ in 0..<3 {
      statistics.callStarted(provider: providers[0], service: service, method: "sayHello")
    }
    statistics.callEnded(
      provider: providers[0], service: service, method: "sayHello", elapsed: .milliseconds(10), succeeded: true)
    statistics.callEnded(
      provider: providers[0], service: service, method: "sayHello", elapsed: .milliseconds(30), succeeded: false)

    let snapshot = statistics.snapshot(provider: providers[0], service: service, method: "sayHello")
    #expect(snapshot.active == 1)
    #expect(snapshot.total == 2 && snapshot.failed == 1 && snapshot.succeeded == 1)
    #expect(snapshot.totalElapsed == .milliseconds(40) && snapshot.succeededElapsed == .milliseconds(10))
    #expect(snapshot.maxElapsed == .milliseconds(30))
    #expect(snapshot.succeededMaxElapsed == .milliseconds(10) && snapshot.failedMaxElapsed == .milliseconds(30))
    #expect(snapshot.averageElapsed == .milliseconds(20))
    #expect(snapshot.succeededAverageElapsed == .milliseconds(10) && snapshot.failedAverageElapsed == .milliseconds(30))
    #expect(snapshot.windowSucceeded == 1 && snapshot.windowSucceededElapsed == .milliseconds(10))

    let versioned = DubboServiceDescriptor(interface: service.interface, version: "2.0.0")
    #expect(statistics.snapshot(provider: providers[0], service: service, method: "sayGoodbye") == .init())
    #expect(statistics.snapshot(provider: providers[0], service: versioned, method: "sayHello") == .init())
    #expect(statistics.snapshot(provider: providers[1], service: service, method: "sayHello") == .init())
  }

  @Test func statisticsCountConcurrentCallsExactly() async {
    let statistics = DubboCallStatistics()
    let endpoint = provider("a")
    await withTaskGroup(of: Void.self) { group in
      for task in 0..<8 {
        group.addTask {
          for _ in 0..<1000 {
            statistics.callStarted(provider: endpoint, service: service, method: "sayHello")
            statistics.callEnded(
              provider: endpoint, service: service, method: "sayHello", elapsed: .milliseconds(1),
              succeeded: task % 2 == 0)
          }
        }
      }
    }
    let snapshot = statistics.snapshot(provider: endpoint, service: service, method: "sayHello")
    #expect(snapshot.active == 0 && snapshot.total == 8000 && snapshot.failed == 4000)
    #expect(snapshot.totalElapsed == .seconds(8))
  }

  // MARK: Names

  @Test func namesMapToJavasBalancers() {
    #expect(DubboLoadBalancers.named("random") is DubboRandomLoadBalancer)
    #expect(DubboLoadBalancers.named("roundrobin") is DubboRoundRobinLoadBalancer)
    #expect(DubboLoadBalancers.named("leastactive") is DubboLeastActiveLoadBalancer)
    #expect(DubboLoadBalancers.named("consistenthash") is DubboConsistentHashLoadBalancer)
    #expect(DubboLoadBalancers.named("shortestresponse") is DubboShortestResponseLoadBalancer)
    for unknown in ["", "Random", "round_robin", "adaptive"] {
      #expect(DubboLoadBalancers.named(unknown) == nil)
    }
    let roundRobin = DubboLoadBalancers.named("roundrobin") as? DubboRoundRobinLoadBalancer
    #expect(roundRobin === DubboRoundRobinLoadBalancer.roundRobin)
    let consistentHash = DubboLoadBalancers.named("consistenthash") as? DubboConsistentHashLoadBalancer
    #expect(consistentHash === DubboConsistentHashLoadBalancer.consistentHash)
  }

  @Test func onlyBalancersReadingStatisticsAskForThem() {
    func uses(_ balancer: some DubboLoadBalancer) -> Bool { balancer.usesCallStatistics }
    #expect(!uses(.random))
    #expect(!uses(.roundRobin))
    #expect(uses(.leastActive))
    #expect(!uses(.consistentHash))
    #expect(uses(.shortestResponse))
  }
}
