/// The load balancers by the names Java's `loadbalance` setting uses.
public enum DubboLoadBalancers {
  /// The balancer Java calls `name`: `random`, `roundrobin`, `leastactive`, `consistenthash` or
  /// `shortestresponse`; `nil` for any other name.
  ///
  /// The balancers that keep state are shared, as Java's are: they keep it per service key and
  /// method.
  public static func named(_ name: String) -> (any DubboLoadBalancer)? {
    switch name {
    case "random": DubboRandomLoadBalancer.random
    case "roundrobin": DubboRoundRobinLoadBalancer.roundRobin
    case "leastactive": DubboLeastActiveLoadBalancer.leastActive
    case "consistenthash": DubboConsistentHashLoadBalancer.consistentHash
    case "shortestresponse": DubboShortestResponseLoadBalancer.shortestResponse
    default: nil
    }
  }

  static let sharedRoundRobin = DubboRoundRobinLoadBalancer()
  static let sharedConsistentHash = DubboConsistentHashLoadBalancer()
}

extension DubboLoadBalancer where Self == DubboRandomLoadBalancer {
  /// Weighted random, Java's default `random`.
  public static var random: Self { DubboRandomLoadBalancer() }
}

extension DubboLoadBalancer where Self == DubboRoundRobinLoadBalancer {
  /// Smooth weighted round robin, Java's `roundrobin`; one instance shared by every reference.
  public static var roundRobin: Self { DubboLoadBalancers.sharedRoundRobin }
}

extension DubboLoadBalancer where Self == DubboLeastActiveLoadBalancer {
  /// Fewest active calls first, Java's `leastactive`.
  public static var leastActive: Self { DubboLeastActiveLoadBalancer() }
}

extension DubboLoadBalancer where Self == DubboConsistentHashLoadBalancer {
  /// Consistent hashing on the call's hash key, Java's `consistenthash`; one instance shared by
  /// every reference.
  public static var consistentHash: Self { DubboLoadBalancers.sharedConsistentHash }
}

extension DubboLoadBalancer where Self == DubboShortestResponseLoadBalancer {
  /// Shortest expected response first, Java's `shortestresponse`.
  public static var shortestResponse: Self { DubboShortestResponseLoadBalancer() }
}
