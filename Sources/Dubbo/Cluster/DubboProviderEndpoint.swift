import Foundation

/// One provider of a service as a consumer's cluster sees it: the provider's URL, with the
/// configurators that apply to it merged in.
public struct DubboProviderEndpoint: Hashable, Sendable, CustomStringConvertible {
  /// The provider's URL.
  public var url: DubboURL {
    didSet { address = Self.address(of: url) }
  }

  /// `host:port`, kept with the URL because every call looks its connection up by it.
  public private(set) var address: String

  /// Creates an endpoint.
  public init(url: DubboURL) {
    self.url = url
    self.address = Self.address(of: url)
  }

  private static func address(of url: DubboURL) -> String {
    url.port == nil ? "\(url.address):20880" : url.address
  }

  /// The provider's host.
  public var host: String { url.host }
  /// The provider's port (20880 when the URL has none).
  public var port: Int { url.port ?? 20880 }
  /// The address.
  public var description: String { address }

  /// The weight load balancing gives this provider for `method`, as Java's
  /// `AbstractLoadBalance.getWeight` computes it: `<method>.weight`, else `weight`, else 100;
  /// while the provider is younger than `warmup` (default 10 minutes) since its `timestamp`, the
  /// weight grows linearly from 1.
  /// - Parameter now: the current time in milliseconds since 1970.
  public func weight(for method: String, now: Int64 = Self.currentMilliseconds()) -> Int {
    // Java reads `weight` and `warmup` as ints: anything else is no weight given.
    let weight = Int(url.methodParameter(method, "weight").flatMap { Int32($0) } ?? 100)
    guard weight > 0 else { return 0 }
    guard let timestamp = url.parameters["timestamp"].flatMap({ Int64($0) }), timestamp > 0 else { return weight }
    let (uptime, overflow) = now.subtractingReportingOverflow(timestamp)
    guard uptime >= 0, !overflow else { return 1 }
    let warmup = Int64(url.parameters["warmup"].flatMap { Int32($0) } ?? 600_000)
    guard uptime > 0, uptime < warmup else { return weight }
    let warmed = Int(Float(uptime) / (Float(warmup) / Float(weight)))
    return min(max(warmed, 1), weight)
  }

  /// The current time in milliseconds since 1970.
  public static func currentMilliseconds() -> Int64 {
    Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
  }
}
