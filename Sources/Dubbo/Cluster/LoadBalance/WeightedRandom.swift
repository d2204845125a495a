/// The weighted random choice Java's random, least-active and shortest-response balancers share.
enum WeightedRandom {
  /// One of the providers with the lowest score (`scores[i]` is `providers[i]`'s), picked as
  /// ``index(among:weights:)`` picks.
  static func lowest(_ scores: [Int64], of providers: [DubboProviderEndpoint], method: String) -> DubboProviderEndpoint
  {
    let lowest = scores.min()!
    let weights = weights(of: providers, method: method, now: DubboProviderEndpoint.currentMilliseconds())
    return providers[index(among: scores.indices.filter { scores[$0] == lowest }, weights: weights)]
  }

  /// The weight of each provider for `method` at `now` (milliseconds since 1970), kept within
  /// Java's `int` so that sums cannot overflow.
  static func weights(of providers: [DubboProviderEndpoint], method: String, now: Int64) -> [Int] {
    providers.map { min($0.weight(for: method, now: now), Int(Int32.max)) }
  }

  /// Picks one of `candidates`, indexes into `weights`: the only one, else at random in proportion
  /// to their weights when those differ and are not all zero, else uniformly.
  static func index(among candidates: some Collection<Int>, weights: [Int]) -> Int {
    let first = candidates.first!
    guard candidates.count > 1 else { return first }
    let total = candidates.reduce(0) { $0 + weights[$1] }
    if total > 0, candidates.contains(where: { weights[$0] != weights[first] }) {
      var offset = Int.random(in: 0..<total)
      for candidate in candidates {
        offset -= weights[candidate]
        if offset < 0 { return candidate }
      }
    }
    return candidates.randomElement()!
  }
}
