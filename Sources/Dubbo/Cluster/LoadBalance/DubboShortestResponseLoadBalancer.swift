/// Picks the provider expected to answer soonest: Java's `ShortestResponseLoadBalance`
/// (`shortestresponse`).
///
/// A provider's expected response time is the mean time of its successful calls in the current
/// sliding window of ``DubboCallStatistics``, times one more than its active calls, in whole
/// milliseconds as Java measures it; a provider with no successful call in the window expects
/// zero. Among the providers tied for the shortest, it picks at random in proportion to their
/// weights, or uniformly when those are all the same.
public struct DubboShortestResponseLoadBalancer: DubboLoadBalancer {
  /// Creates the balancer; the sliding window belongs to the statistics it reads.
  public init() {}

  /// True: the balancer ranks providers by the response times the statistics keep.
  public var usesCallStatistics: Bool { true }

  /// Picks a provider with the shortest expected response time.
  public func select(
    from providers: [DubboProviderEndpoint],
    for call: DubboLoadBalancedCall
  ) -> DubboProviderEndpoint {
    guard providers.count > 1 else { return providers[0] }
    let estimates = call.statistics.snapshots(providers: providers, service: call.service, method: call.method)
      .map { $0.windowSucceededAverageElapsed.milliseconds * Int64($0.active + 1) }
    return WeightedRandom.lowest(estimates, of: providers, method: call.method)
  }
}
