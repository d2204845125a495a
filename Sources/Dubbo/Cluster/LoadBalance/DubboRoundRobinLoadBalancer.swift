import NIOConcurrencyHelpers

/// Takes the providers in turn, each as often as its weight says, spreading the turns of the
/// heavier ones evenly: Java's smooth weighted `RoundRobinLoadBalance` (`roundrobin`).
///
/// Every pick adds each provider's weight to its running credit and takes the provider with the
/// most credit (the first of them on a tie), which then gives back the sum of all weights. Weights
/// 5, 1 and 1 thus give a a b a c a a, over and over. Credits are kept per service key and
/// method; a provider's credit starts over when its weight changes, and the credit of a provider
/// that has not been offered for 60 seconds is dropped.
public final class DubboRoundRobinLoadBalancer: DubboLoadBalancer {
  private struct Credit {
    var weight: Int
    var current = 0
    var lastUpdate: Int64
  }

  /// How long, in milliseconds, the credit of a provider no longer offered is kept.
  static let recyclePeriod: Int64 = 60_000

  private let credits = NIOLockedValueBox<[String: [String: Credit]]>([:])
  private let now: @Sendable () -> Int64

  /// Creates a balancer with no credits yet.
  public convenience init() {
    self.init(now: { DubboProviderEndpoint.currentMilliseconds() })
  }

  /// - Parameter now: the current time in milliseconds since 1970.
  init(now: @escaping @Sendable () -> Int64) {
    self.now = now
  }

  /// Picks the provider whose turn it is.
  public func select(
    from providers: [DubboProviderEndpoint],
    for call: DubboLoadBalancedCall
  ) -> DubboProviderEndpoint {
    guard providers.count > 1 else { return providers[0] }
    let now = now()
    let weights = WeightedRandom.weights(of: providers, method: call.method, now: now)
    let addresses = providers.map(\.address)
    let key = Self.key(call.service, call.method)
    let chosen = credits.withLockedValue { credits in
      Self.pick(addresses: addresses, weights: weights, now: now, credits: &credits[key, default: [:]])
    }
    return providers[chosen]
  }

  /// The addresses of the providers that have a credit for `method` of `service`.
  func trackedAddresses(service: DubboServiceDescriptor, method: String) -> Set<String> {
    let key = Self.key(service, method)
    return credits.withLockedValue { $0[key].map { Set($0.keys) } ?? [] }
  }

  private static func key(_ service: DubboServiceDescriptor, _ method: String) -> String {
    "\(service.serviceKey).\(method)"
  }

  private static func pick(
    addresses: [String],
    weights: [Int],
    now: Int64,
    credits: inout [String: Credit]
  ) -> Int {
    var chosen = 0
    var mostCredit = Int.min
    var totalWeight = 0
    for (index, address) in addresses.enumerated() {
      let weight = weights[index]
      var credit = credits[address] ?? Credit(weight: weight, lastUpdate: now)
      if credit.weight != weight {
        credit = Credit(weight: weight, lastUpdate: now)
      }
      credit.current += weight
      credit.lastUpdate = now
      credits[address] = credit
      if credit.current > mostCredit {
        mostCredit = credit.current
        chosen = index
      }
      totalWeight += weight
    }
    if credits.count != addresses.count {
      credits = credits.filter { now - $0.value.lastUpdate <= recyclePeriod }
    }
    credits[addresses[chosen]]!.current -= totalWeight
    return chosen
  }
}
