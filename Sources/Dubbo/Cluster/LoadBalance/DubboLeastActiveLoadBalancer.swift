/// Picks the provider with the fewest calls under way: Java's `LeastActiveLoadBalance`
/// (`leastactive`).
///
/// The calls under way are those ``DubboCallStatistics`` counts as active for the call's service
/// and method. Among the providers tied for the fewest, it picks at random in proportion to their
/// weights, or uniformly when those are all the same.
public struct DubboLeastActiveLoadBalancer: DubboLoadBalancer {
  /// Creates the balancer; it keeps no state of its own.
  public init() {}

  /// True: the balancer ranks providers by the active calls the statistics keep.
  public var usesCallStatistics: Bool { true }

  /// Picks a provider with the fewest active calls.
  public func select(
    from providers: [DubboProviderEndpoint],
    for call: DubboLoadBalancedCall
  ) -> DubboProviderEndpoint {
    guard providers.count > 1 else { return providers[0] }
    let active = call.statistics.snapshots(providers: providers, service: call.service, method: call.method)
      .map { Int64($0.active) }
    return WeightedRandom.lowest(active, of: providers, method: call.method)
  }
}
