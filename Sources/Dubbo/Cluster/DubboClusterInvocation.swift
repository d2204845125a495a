/// One call placed on a cluster: picks providers with the load balancer and applies the
/// strategy to the attempts.
struct DubboClusterInvocation: Sendable {
  var strategy: DubboClusterStrategy
  var loadBalancer: any DubboLoadBalancer
  var call: DubboLoadBalancedCall
  /// Where the providers came from, for messages.
  var source: String
  /// The connections, which know whether a provider could be reached lately.
  var connections: DubboConnectionPool

  /// Runs the call.
  /// - Parameters:
  ///   - providers: the providers to choose from.
  ///   - failsafeValue: what ``DubboClusterStrategy/failsafe`` answers a failure with; `nil`
  ///     when the result type has no Java null, which leaves the error. Only evaluated then.
  ///   - attempt: places the call on one provider.
  func run<Result: Sendable>(
    providers: [DubboProviderEndpoint],
    failsafeValue: @autoclosure () -> Result?,
    attempt: @escaping @Sendable (DubboProviderEndpoint) async throws -> Result
  ) async throws -> Result {
    guard !providers.isEmpty else {
      throw DubboError(
        status: .serviceNotFound,
        message: "No provider available for the service \(call.service.serviceKey) from \(source). "
          + "Please check if the providers have been started and registered."
      )
    }
    switch strategy.kind {
    case .failfast:
      return try await attempt(select(from: providers, excluding: []))
    case .failover(let retries):
      return try await failover(providers: providers, attempts: retries + 1, attempt: attempt)
    case .failsafe:
      do {
        return try await attempt(select(from: providers, excluding: []))
      } catch {
        guard let failsafeValue = failsafeValue() else { throw error }
        return failsafeValue
      }
    case .forking(let forks):
      return try await fork(providers: providers, forks: forks, attempt: attempt)
    case .broadcast:
      return try await broadcast(providers: providers, attempt: attempt)
    }
  }

  /// Picks a provider not tried yet and reachable if there is one, else one not tried yet, else
  /// any: Java's `AbstractClusterInvoker.select` with its reselection.
  func select(
    from providers: [DubboProviderEndpoint], excluding tried: [DubboProviderEndpoint]
  ) -> DubboProviderEndpoint {
    if providers.count == 1 { return providers[0] }
    let untried = tried.isEmpty ? providers : providers.filter { !tried.contains($0) }
    let reachable = untried.filter { connections.isReachable(address: $0.address) }
    let candidates = !reachable.isEmpty ? reachable : !untried.isEmpty ? untried : providers
    return candidates.count == 1 ? candidates[0] : loadBalancer.select(from: candidates, for: call)
  }

  private func failover<Result: Sendable>(
    providers: [DubboProviderEndpoint],
    attempts: Int,
    attempt: @Sendable (DubboProviderEndpoint) async throws -> Result
  ) async throws -> Result {
    var tried: [DubboProviderEndpoint] = []
    var attempted = 0
    while true {
      let provider = select(from: providers, excluding: tried)
      attempted += 1
      // With one provider every attempt goes to it; keeping the list would cost an allocation.
      if providers.count > 1 { tried.append(provider) }
      do {
        return try await attempt(provider)
      } catch let error as DubboError where error.isWorthRetrying && attempted < attempts {
        continue
      } catch var error as DubboError where error.isWorthRetrying && attempts > 1 {
        let addresses = Set((tried.isEmpty ? [provider] : tried).map(\.address)).sorted()
        error.message =
          "Failed to invoke the method \(call.method) in the service \(call.service.serviceKey). Tried \(attempts) "
          + "times of the providers [\(addresses.joined(separator: ", "))] (\(addresses.count)/\(providers.count)) "
          + "from \(source). Last error is: \(error.message)"
        throw error
      }
    }
  }

  private func fork<Result: Sendable>(
    providers: [DubboProviderEndpoint],
    forks: Int,
    attempt: @escaping @Sendable (DubboProviderEndpoint) async throws -> Result
  ) async throws -> Result {
    var chosen: [DubboProviderEndpoint] = []
    if forks >= providers.count {
      chosen = providers
    } else {
      while chosen.count < forks { chosen.append(select(from: providers, excluding: chosen)) }
    }
    // The other calls run on when the first answer arrives, as in Java: a call on the wire
    // cannot be taken back.
    let (outcomes, delivery) = AsyncStream.makeStream(of: Swift.Result<Result, any Error>.self)
    for provider in chosen {
      Task {
        do {
          delivery.yield(.success(try await attempt(provider)))
        } catch {
          delivery.yield(.failure(error))
        }
      }
    }
    var failures = 0
    for await outcome in outcomes {
      switch outcome {
      case .success(let result):
        return result
      case .failure(let error):
        failures += 1
        if failures == chosen.count { throw error }
      }
    }
    throw CancellationError()
  }

  private func broadcast<Result: Sendable>(
    providers: [DubboProviderEndpoint],
    attempt: @Sendable (DubboProviderEndpoint) async throws -> Result
  ) async throws -> Result {
    var lastResult: Result?
    var lastError: (any Error)?
    for provider in providers {
      do {
        lastResult = try await attempt(provider)
      } catch {
        lastError = error
      }
    }
    if let lastError { throw lastError }
    return lastResult!
  }
}
