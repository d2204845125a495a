import NIOConcurrencyHelpers

/// Sends the calls with the same key to the same provider: Java's `ConsistentHashLoadBalance`
/// (`consistenthash`).
///
/// Each provider takes `hash.nodes` points (160 by default, at most 4096, read from the first
/// provider's URL for the method) on a ring of 32-bit positions: four from each MD5 digest of its address followed by
/// 0, 1, 2 and so on. A call goes to the provider of the first point at or after the position of
/// the MD5 digest of its ``DubboLoadBalancedCall/hashKey`` (the empty text when it has none),
/// wrapping around. The positions are computed as Java computes them, so a Java consumer of the
/// same providers sends a key to the same provider.
///
/// The ring is kept per service key and method and built again when the providers' addresses, or
/// their order, change; removing a provider moves only the keys it had.
public final class DubboConsistentHashLoadBalancer: DubboLoadBalancer {
  private let rings = NIOLockedValueBox<[String: Ring]>([:])

  /// Creates a balancer with no rings yet.
  public init() {}

  /// Picks the provider that owns the call's key.
  public func select(
    from providers: [DubboProviderEndpoint],
    for call: DubboLoadBalancedCall
  ) -> DubboProviderEndpoint {
    guard providers.count > 1 else { return providers[0] }
    let key = "\(call.service.serviceKey).\(call.method)"
    let addresses = providers.map(\.address)
    // A registry entry cannot make the ring grow without bound: at most 4096 points a provider.
    let nodes = min(providers[0].url.methodParameter(call.method, "hash.nodes").flatMap { Int($0) } ?? 160, 4096)
    let ring: Ring
    if let cached = rings.withLockedValue({ $0[key] }), cached.addresses == addresses, cached.nodes == nodes {
      ring = cached
    } else {
      ring = Ring(addresses: addresses, nodes: nodes)
      rings.withLockedValue { $0[key] = ring }
    }
    return providers[ring.owner(of: call.hashKey ?? "")]
  }

  /// The points of some providers on the ring.
  struct Ring: Sendable {
    let addresses: [String]
    let nodes: Int
    /// The positions of the points, ascending.
    let positions: [UInt32]
    /// The index into `addresses` of the provider of each point.
    let owners: [Int]

    init(addresses: [String], nodes: Int) {
      self.addresses = addresses
      self.nodes = nodes
      var owners: [UInt32: Int] = [:]
      for (index, address) in addresses.enumerated() {
        // Below four nodes Java builds an empty ring and fails every call; one digest is the least.
        for replica in 0..<max(nodes / 4, 1) {
          let digest = MD5.digest("\(address)\(replica)")
          for part in 0..<4 {
            owners[Self.position(digest, part)] = index
          }
        }
      }
      let points = owners.sorted { $0.key < $1.key }
      self.positions = points.map(\.key)
      self.owners = points.map(\.value)
    }

    /// The index into `addresses` of the provider that owns `key`.
    func owner(of key: String) -> Int {
      let position = Self.position(MD5.digest(key), 0)
      var low = 0
      var high = positions.count
      while low < high {
        let middle = (low + high) / 2
        if positions[middle] < position {
          low = middle + 1
        } else {
          high = middle
        }
      }
      return owners[low == positions.count ? 0 : low]
    }

    /// The little-endian 32-bit number in bytes `4 * part ..< 4 * part + 4` of `digest`.
    static func position(_ digest: [UInt8], _ part: Int) -> UInt32 {
      (0..<4).reduce(0) { $0 | UInt32(digest[part * 4 + $1]) << ($1 * 8) }
    }
  }
}
