/// Picks a provider at random in proportion to its weight: Java's `RandomLoadBalance`, the
/// default (`random`).
///
/// Providers of the same weight are equally likely. As in Java, weights count only when the first
/// provider's URL has a `weight` (or `<method>.weight`) or a `timestamp` parameter, which every
/// provider a registry lists has; otherwise every provider is equally likely. A provider's weight
/// includes its warm-up (see ``DubboProviderEndpoint/weight(for:now:)``).
public struct DubboRandomLoadBalancer: DubboLoadBalancer {
  /// Creates the balancer; it keeps no state.
  public init() {}

  /// Picks one of `providers` at random, in proportion to their weights.
  public func select(
    from providers: [DubboProviderEndpoint],
    for call: DubboLoadBalancedCall
  ) -> DubboProviderEndpoint {
    guard providers.count > 1 else { return providers[0] }
    let url = providers[0].url
    let weighted =
      url.methodParameter(call.method, "weight")?.isEmpty == false || url.parameters["timestamp"]?.isEmpty == false
    guard weighted else { return providers.randomElement()! }
    let weights = WeightedRandom.weights(
      of: providers, method: call.method, now: DubboProviderEndpoint.currentMilliseconds())
    return providers[WeightedRandom.index(among: providers.indices, weights: weights)]
  }
}
