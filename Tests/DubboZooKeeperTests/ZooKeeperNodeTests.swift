import CZooKeeper
import Dubbo
import Testing

@testable import DubboZooKeeper

/// The nodes a registry writes, read back as a third party reads them.
@Suite("ZooKeeper registry nodes")
struct ZooKeeperNodeTests {
  @Test("a provider and a consumer are laid out as Java Dubbo lays them out")
  func providerAndConsumerLayout() async throws {
    try await withResources { resources in
      let interface = uniqueInterface()
      let raw = try await resources.raw(sharedZooKeeper)
      let registry = try resources.registry(try registryURL(sharedZooKeeper))
      let provider = try DubboURL(
        parsing: "dubbo://127.0.0.1:20880/\(interface)?side=provider&interface=\(interface)"
          + "&methods=sayHello,sayGoodbye&application=swift-provider&anyhost=true&version=1.0.0")
      let consumer = consumerURL(interface)
      try await registry.register(provider)
      try await registry.register(consumer)

      // The persistent directories, all four categories included.
      let service = "/dubbo/\(interface)"
      for path in ["/dubbo", service]
        + ["providers", "consumers", "configurators", "routers"].map({ "\(service)/\($0)" })
      {
        let stat = try #require(try raw.stat(path), "\(path) is missing")
        #expect(stat.ephemeralOwner == 0, "\(path) is not persistent")
      }

      // The provider's node: its full URL, parameters sorted, form-encoded as Java's URL.encode does.
      let expected =
        "dubbo%3A%2F%2F127.0.0.1%3A20880%2F\(interface)%3Fanyhost%3Dtrue%26application%3Dswift-provider"
        + "%26interface%3D\(interface)%26methods%3DsayHello%2CsayGoodbye%26side%3Dprovider%26version%3D1.0.0"
      #expect(try raw.children("\(service)/providers") == [expected])
      let owner = try #require(try raw.stat("\(service)/providers/\(expected)")).ephemeralOwner
      let session = try #require(await registry.currentClientID()).client_id
      #expect(owner == session && owner != 0)

      // The consumer's node, under consumers, decodes to the consumer URL.
      let consumers = try #require(try raw.children("\(service)/consumers"))
      #expect(consumers.count == 1)
      let decoded = try #require(consumers.first.flatMap(DubboURL.formDecode))
      #expect(try DubboURL(parsing: decoded) == consumer)
      #expect(try raw.stat("\(service)/consumers/\(consumers[0])")?.ephemeralOwner == session)

      // A static registration (dynamic=false) is persistent.
      let rule = try DubboURL(
        parsing: "override://0.0.0.0/\(interface)?category=configurators&dynamic=false&enabled=true&timeout=5000")
      try await registry.register(rule)
      let ruleNode = "\(service)/configurators/\(DubboURL.formEncode(rule.description))"
      #expect(try raw.stat(ruleNode)?.ephemeralOwner == 0)

      // Unregistering deletes the node.
      try await registry.unregister(consumer)
      try await registry.unregister(rule)
      #expect(try raw.children("\(service)/consumers") == [])
      #expect(try raw.children("\(service)/configurators") == [])
    }
  }

  @Test("close removes the ephemeral nodes and keeps the static ones")
  func closeRemovesEphemeralNodes() async throws {
    try await withResources { resources in
      let interface = uniqueInterface()
      let service = "/dubbo/\(interface)"
      let raw = try await resources.raw(sharedZooKeeper)
      let registry = try resources.registry(try registryURL(sharedZooKeeper))
      let rule = try DubboURL(parsing: "override://0.0.0.0/\(interface)?category=configurators&dynamic=false&weight=50")
      try await registry.register(providerURL(interface))
      try await registry.register(consumerURL(interface))
      try await registry.register(rule)
      #expect(try raw.children("\(service)/providers")?.count == 1)
      #expect(try raw.children("\(service)/consumers")?.count == 1)

      await registry.close()
      #expect(try raw.children("\(service)/providers") == [])
      #expect(try raw.children("\(service)/consumers") == [])
      #expect(try raw.children("\(service)/configurators") == [DubboURL.formEncode(rule.description)])
      await #expect(throws: ZooKeeperError.self) { try await registry.register(providerURL(interface)) }
      await #expect(throws: ZooKeeperError.self) { try await registry.subscribe(consumerURL(interface)) }
      try raw.deleteIfPresent("\(service)/configurators/\(DubboURL.formEncode(rule.description))")
    }
  }
}
