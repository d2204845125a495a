import Dubbo
import DubboZooKeeper
import Testing

/// What subscriptions see.
@Suite("ZooKeeper registry subscriptions")
struct ZooKeeperSubscriptionTests {
  @Test("a consumer sees a provider come and go within a second")
  func providersComeAndGo() async throws {
    try await requireSharedZooKeeper()
    try await withResources { resources in
      let interface = uniqueInterface()
      let providers = try resources.registry(try registryURL(sharedZooKeeper))
      let consumers = try resources.registry(try registryURL(sharedZooKeeper))
      let recorder = NotificationRecorder(try await consumers.subscribe(consumerURL(interface)))
      _ = try await recorder.first { $0.providers.isEmpty && $0.configurators.isEmpty }

      let first = providerURL(interface, port: 20881)
      let second = providerURL(interface, port: 20882)
      // Measured from the moment the node exists on the server: how long the consumer takes to
      // learn of it, not how long the provider's registration takes on a loaded machine.
      var before = recorder.count
      try await providers.register(first)
      var start = ContinuousClock.now
      let added = try await recorder.first(after: before) { $0.providers == [first] }
      #expect(added.time - start < .seconds(1), "the new provider took \(added.time - start)")

      try await providers.register(second)
      try await recorder.waitForProviders([first, second])

      before = recorder.count
      try await providers.unregister(first)
      start = ContinuousClock.now
      let removed = try await recorder.first(after: before) { $0.providers == [second] }
      #expect(removed.time - start < .seconds(1), "the removal took \(removed.time - start)")

      // A provider that goes away (its session closes) goes from the list too.
      before = recorder.count
      await providers.close()
      start = ContinuousClock.now
      let gone = try await recorder.first(after: before) { $0.providers.isEmpty }
      #expect(gone.time - start < .seconds(1), "the closed provider's removal took \(gone.time - start)")
    }
  }

  @Test(
    "providers are filtered by group, version, protocol and enabled, by subscriptions and lookups alike; configurators by service"
  )
  func filtering() async throws {
    try await withResources { resources in
      let interface = uniqueInterface()
      let raw = try await resources.raw(sharedZooKeeper)
      let providers = try resources.registry(try registryURL(sharedZooKeeper))
      let consumers = try resources.registry(try registryURL(sharedZooKeeper))

      let a1 = providerURL(interface, port: 20881, ["group": "a", "version": "1.0.0"])
      let a2 = providerURL(interface, port: 20882, ["group": "a", "version": "2.0.0"])
      let b1 = providerURL(interface, port: 20883, ["group": "b", "version": "1.0.0"])
      let plain = providerURL(interface, port: 20884)
      let triple = providerURL(interface, port: 20885, scheme: "tri", ["group": "a", "version": "1.0.0"])
      let disabled = providerURL(interface, port: 20886, ["group": "a", "version": "1.0.0", "enabled": "false"])
      let rule = try DubboURL(
        parsing: "override://0.0.0.0/\(interface)?category=configurators&dynamic=false&enabled=true"
          + "&group=a&version=1.0.0&timeout=5000")
      for url in [a1, a2, b1, plain, triple, disabled, rule] {
        try await providers.register(url)
      }
      // Nodes a broken tool left: not form-encoded, and not a URL.
      let service = "/dubbo/\(interface)"
      try raw.createPersistent("\(service)/providers/%ZZ")
      try raw.createPersistent("\(service)/providers/not-a-url")

      let expectations: [([String: String], [DubboURL])] = [
        (["group": "a", "version": "1.0.0"], [a1]),
        (["group": "*", "version": "*"], [a1, a2, b1, plain]),
        ([:], [plain]),
        (["group": "a,b", "version": "1.0.0"], [a1, b1]),
        (["group": "a", "version": "1.0.0", "protocol": "tri"], [triple]),
        (["group": "a", "version": "1.0.0", "enabled": "*"], [a1, disabled]),
      ]
      for (parameters, expected) in expectations {
        let recorder = NotificationRecorder(try await consumers.subscribe(consumerURL(interface, parameters)))
        try await recorder.waitForProviders(expected)
        let latest = try #require(recorder.latest)
        #expect(
          latest.providers
            == expected.sorted { DubboURL.formEncode($0.description) < DubboURL.formEncode($1.description) },
          "\(parameters)")
        // The rule is for group a: consumers of a (alone or among others) or of every group get it.
        let groups = parameters["group"]?.split(separator: ",") ?? []
        #expect(latest.configurators == (groups.contains("a") || groups.contains("*") ? [rule] : []), "\(parameters)")
        // A lookup reads the same providers once.
        let looked = try await consumers.lookup(consumerURL(interface, parameters))
        #expect(looked == latest.providers, "\(parameters)")
      }
      let services = try await consumers.services()
      #expect(services.contains(interface))

      try await providers.unregister(rule)
      try raw.deleteIfPresent("\(service)/providers/%ZZ")
      try raw.deleteIfPresent("\(service)/providers/not-a-url")
    }
  }

  @Test("a service without providers yields empty lists, and its category nodes are created")
  func emptyCategories() async throws {
    try await withResources { resources in
      let interface = uniqueInterface()
      let raw = try await resources.raw(sharedZooKeeper)
      let registry = try resources.registry(try registryURL(sharedZooKeeper))
      let recorder = NotificationRecorder(try await registry.subscribe(consumerURL(interface)))
      let first = try await recorder.first { _ in true }
      #expect(first.notification == DubboRegistryNotification(providers: [], configurators: []))
      for category in ["providers", "consumers", "configurators", "routers"] {
        #expect(try raw.children("/dubbo/\(interface)/\(category)") == [])
      }

      // The only provider comes and goes: the list is empty again.
      let provider = providerURL(interface)
      try await registry.register(provider)
      try await recorder.waitForProviders([provider])
      try await registry.unregister(provider)
      try await recorder.waitForProviders([])

      // A category node an administrator deletes reads as empty, and is followed when it returns.
      try raw.deleteIfPresent("/dubbo/\(interface)/configurators")
      try raw.createPersistent("/dubbo/\(interface)/configurators")
      let rule = try DubboURL(parsing: "override://0.0.0.0/\(interface)?category=configurators&weight=10")
      try raw.createPersistent("/dubbo/\(interface)/configurators/\(DubboURL.formEncode(rule.description))")
      try await eventually("the configurator") { recorder.latest?.configurators == [rule] }
      try raw.deleteIfPresent("/dubbo/\(interface)/configurators/\(DubboURL.formEncode(rule.description))")
    }
  }

  @Test("close finishes every subscription")
  func closeFinishesSubscriptions() async throws {
    try await requireSharedZooKeeper()
    try await withResources { resources in
      let interface = uniqueInterface()
      let registry = try resources.registry(try registryURL(sharedZooKeeper))
      let streams = [
        try await registry.subscribe(consumerURL(interface)),
        try await registry.subscribe(consumerURL(interface, ["version": "*"])),
      ]
      let readers = streams.map { stream in
        Task {
          var count = 0
          for await _ in stream { count += 1 }
          return count
        }
      }
      await registry.close()
      for reader in readers {
        #expect(await reader.value == 1)
      }
    }
  }
}
