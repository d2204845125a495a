/// Picks the provider of one call among those available: Java's `LoadBalance`.
///
/// A reference chooses one with ``DubboReference/loadBalancer``; Java's names map to
/// implementations through ``DubboLoadBalancers/named(_:)``.
public protocol DubboLoadBalancer: Sendable {
  /// Picks one of `providers`, which is never empty.
  func select(from providers: [DubboProviderEndpoint], for call: DubboLoadBalancedCall) -> DubboProviderEndpoint
  /// Whether the balancer reads ``DubboLoadBalancedCall/statistics``, which the client then keeps
  /// up to date around every call (false by default: keeping them costs a lock per call).
  var usesCallStatistics: Bool { get }
}

extension DubboLoadBalancer {
  /// False: the balancer ignores the call statistics.
  public var usesCallStatistics: Bool { false }
}

/// What a load balancer knows about the call it places.
public struct DubboLoadBalancedCall: Sendable {
  /// The service called.
  public var service: DubboServiceDescriptor
  /// The Java method name.
  public var method: String
  /// The text consistent hashing keys on: the first argument as Java's `String.valueOf` prints
  /// it, `nil` when the call has no arguments or they have no such text.
  public var hashKey: String?
  /// The calls made so far, for balancers that weigh providers by activity or latency.
  public var statistics: DubboCallStatistics

  /// Creates the description of a call.
  public init(service: DubboServiceDescriptor, method: String, hashKey: String?, statistics: DubboCallStatistics) {
    self.service = service
    self.method = method
    self.hashKey = hashKey
    self.statistics = statistics
  }
}
