/// What a consumer does when a call fails or a service has several providers: Java's `Cluster`
/// (`cluster=failover|failfast|failsafe|forking|broadcast`).
///
/// Only failures that leave the call worth trying elsewhere are retried or failed over: not an
/// exception the method threw (a business error), and not a request this process could not
/// write (``DubboStatus/clientError``). As in Java, a timeout *is* retried, so give methods that
/// must not run twice `retries: 0` or ``failfast``.
public struct DubboClusterStrategy: Hashable, Sendable, CustomStringConvertible {
  enum Kind: Hashable, Sendable {
    case failover(retries: Int)
    case failfast
    case failsafe
    case forking(forks: Int)
    case broadcast
  }

  let kind: Kind

  /// Tries another provider after a failure, up to 2 more times (Java's default).
  public static let failover = failover(retries: 2)
  /// Tries another provider after a failure, up to `retries` more times.
  public static func failover(retries: Int) -> Self { Self(kind: .failover(retries: max(0, retries))) }
  /// Fails on the first failure.
  public static let failfast = Self(kind: .failfast)
  /// Answers a failed call with the result type's Java null instead of an error (for calls
  /// whose failure does not matter, such as audit logs).
  public static let failsafe = Self(kind: .failsafe)
  /// Calls 2 providers at once and takes the first success.
  public static let forking = forking(forks: 2)
  /// Calls `forks` providers at once and takes the first success.
  public static func forking(forks: Int) -> Self { Self(kind: .forking(forks: max(1, forks))) }
  /// Calls every provider, one after another; fails if any failed, else answers with the last
  /// result (for notifying every provider, such as cache invalidation).
  public static let broadcast = Self(kind: .broadcast)

  /// The strategy Java's URL parameters describe: `cluster` (default `failover`), with `retries`
  /// and `forks`.
  /// - Returns: `nil` for a name Java does not know.
  public init?(name: String, retries: Int = 2, forks: Int = 2) {
    switch name {
    case "failover": self = .failover(retries: retries)
    case "failfast": self = .failfast
    case "failsafe": self = .failsafe
    case "forking": self = .forking(forks: forks)
    case "broadcast": self = .broadcast
    default: return nil
    }
  }

  private init(kind: Kind) {
    self.kind = kind
  }

  /// Java's name of the strategy.
  public var description: String {
    switch kind {
    case .failover(let retries): "failover(retries: \(retries))"
    case .failfast: "failfast"
    case .failsafe: "failsafe"
    case .forking(let forks): "forking(forks: \(forks))"
    case .broadcast: "broadcast"
    }
  }
}

extension DubboError {
  /// Whether the call may succeed on another provider: the method did not throw and this process
  /// managed to write the request.
  var isWorthRetrying: Bool {
    status != .ok && status != .clientError
  }
}
