import Dubbo
import Testing

/// The URL text a registry stores and how a consumer decides which providers it may call.
@Suite struct RegistryURLTests {
  @Test func formEncodingIsJavasURLEncoder() {
    let url =
      "dubbo://10.0.0.1:20880/org.apache.dubbo.demo.DemoService?anyhost=true&methods=sayHello,sayHelloAsync&note=a b~ü"
    #expect(
      DubboURL.formEncode(url)
        == "dubbo%3A%2F%2F10.0.0.1%3A20880%2Forg.apache.dubbo.demo.DemoService%3Fanyhost%3Dtrue"
        + "%26methods%3DsayHello%2CsayHelloAsync%26note%3Da+b%7E%C3%BC"
    )
    #expect(DubboURL.formEncode("A-z_0.9*") == "A-z_0.9*")
    #expect(DubboURL.formDecode(DubboURL.formEncode(url)) == url)
    #expect(DubboURL.formDecode("a%2fb%2Fc+d") == "a/b/c d")
  }

  @Test(arguments: ["%", "%4", "%G0", "%C3%28"])
  func formDecodingRejectsMalformedText(_ text: String) {
    #expect(DubboURL.formDecode(text) == nil)
  }

  @Test func theProviderURLPrintsItsParametersSortedByKey() throws {
    let url = DubboURL.provider(
      service: DubboServiceDescriptor(interface: "org.apache.dubbo.demo.DemoService", version: "1.0.0", group: "g"),
      host: "10.0.0.1",
      port: 20880,
      application: "demo-provider",
      methods: ["sayHelloAsync", "sayHello"],
      parameters: ["weight": "200"],
      timestamp: 1_596_679_754_245
    )
    let expected =
      "dubbo://10.0.0.1:20880/org.apache.dubbo.demo.DemoService?anyhost=false&application=demo-provider"
      + "&deprecated=false&dubbo=2.0.2&dynamic=true&generic=false&group=g"
      + "&interface=org.apache.dubbo.demo.DemoService&methods=sayHello,sayHelloAsync&pid=\(url.parameters["pid"]!)"
      + "&release=&side=provider&timestamp=1596679754245&version=1.0.0&weight=200"
    #expect(url.description == expected)
    #expect(try DubboURL(parsing: url.description) == url)
  }

  static let consumer = DubboURL.consumer(
    service: DubboServiceDescriptor(interface: "com.foo.Svc", version: "1.0.0", group: "a"),
    host: "10.0.0.9",
    application: "app"
  )

  @Test(arguments: [
    ("dubbo://h:1/com.foo.Svc?version=1.0.0&group=a", true),
    ("dubbo://h:1/alias?interface=com.foo.Svc&version=1.0.0&group=a", true),
    ("dubbo://h:1/com.foo.Other?version=1.0.0&group=a", false),
    ("dubbo://h:1/com.foo.Svc?version=2.0.0&group=a", false),
    ("dubbo://h:1/com.foo.Svc?version=1.0.0", false),
    ("dubbo://h:1/com.foo.Svc?version=1.0.0&group=b", false),
    ("dubbo://h:1/com.foo.Svc?version=1.0.0&group=a&enabled=false", false),
    ("dubbo://h:1/com.foo.Svc?version=1.0.0&group=a&category=routers", false),
    ("tri://h:1/com.foo.Svc?version=1.0.0&group=a", false),
    ("empty://h/com.foo.Svc?version=1.0.0&group=a", false),
  ])
  func consumersMatchProvidersAsJavaDoes(_ provider: String, _ matches: Bool) throws {
    #expect(try DubboURL(parsing: provider).isProvider(for: Self.consumer) == matches)
  }

  @Test func wildcardsAndGroupListsWiden() throws {
    let provider = try DubboURL(parsing: "dubbo://h:1/com.foo.Svc?version=3.0.0&group=b")
    var consumer = Self.consumer
    consumer.parameters["version"] = "*"
    consumer.parameters["group"] = "a,b"
    #expect(provider.isProvider(for: consumer))
    consumer.parameters["group"] = "*"
    #expect(provider.isProvider(for: consumer))
    consumer.parameters["protocol"] = "tri"
    #expect(!provider.isProvider(for: consumer))
  }

  @Test func noVersionAndJavasZeroVersionAreTheSame() throws {
    let consumer = DubboURL.consumer(service: DubboServiceDescriptor(interface: "com.foo.Svc"), application: "app")
    #expect(try DubboURL(parsing: "dubbo://h:1/com.foo.Svc").isProvider(for: consumer))
    #expect(try DubboURL(parsing: "dubbo://h:1/com.foo.Svc?version=0.0.0").isProvider(for: consumer))
  }

  @Test func warmUpGrowsTheWeightFromTheRegistrationTime() throws {
    let provider = DubboProviderEndpoint(
      url: try DubboURL(parsing: "dubbo://h:1/com.foo.Svc?weight=200&timestamp=1000000&warmup=60000&sayHello.weight=10")
    )
    #expect(provider.weight(for: "other", now: 1_000_000 + 30_000) == 100)
    #expect(provider.weight(for: "other", now: 1_000_000 + 60_000) == 200)
    #expect(provider.weight(for: "other", now: 1_000_000 - 5) == 1)
    #expect(provider.weight(for: "sayHello", now: 1_000_000 + 120_000) == 10)
  }

  @Test func consistentHashingKeysOnTheFirstArgumentsJavaText() {
    #expect(DubboArgumentList("key", Int32(2)).firstArgumentText == "key")
    #expect(DubboArgumentList(Int64(42)).firstArgumentText == "42")
    #expect(DubboArgumentList(String?.none).firstArgumentText == "null")
    #expect(DubboArgumentList(String?.some("x")).firstArgumentText == "x")
    #expect(DubboNoArguments().firstArgumentText == nil)
  }
}

@Suite struct RegistryFactoryTests {
  static let factory = DubboRegistryFactory().adding(scheme: "memory") { _, _ in DubboStaticRegistry() }

  @Test func makesTheRegistryOfTheScheme() throws {
    #expect(try Self.factory.makeRegistry(url: DubboURL(parsing: "memory://local")) is DubboStaticRegistry)
    #expect(
      try Self.factory.makeRegistry(url: DubboURL(parsing: "memory://local?register-mode=interface"))
        is DubboStaticRegistry
    )
  }

  @Test(arguments: [
    "nacos://127.0.0.1:8848", "memory://local?register-mode=instance", "memory://local?register-mode=all",
  ])
  func refusesWhatItCannotMake(_ url: String) throws {
    #expect(throws: DubboURLError.self) { try Self.factory.makeRegistry(url: DubboURL(parsing: url)) }
  }
}

@Suite struct HostileProviderURLTests {
  @Test(arguments: [
    ("weight=99999999999", 100),
    ("weight=-5", 0),
    ("weight=2147483647&timestamp=1000&warmup=2147483647", 1000),
    ("weight=50&timestamp=9223372036854775807", 1),
    ("weight=50&timestamp=1000&warmup=99999999999", 1),
  ])
  func weightsStayWithinJavasInts(_ query: String, _ expected: Int) throws {
    let provider = DubboProviderEndpoint(url: try DubboURL(parsing: "dubbo://h:1/com.foo.Svc?\(query)"))
    #expect(provider.weight(for: "m", now: 1000 + 1000) == expected)
  }

  @Test func aHugeHashNodeCountCannotGrowTheRing() throws {
    let providers = try (1...3).map {
      DubboProviderEndpoint(url: try DubboURL(parsing: "dubbo://10.0.0.\($0):20880/com.foo.Svc?hash.nodes=2000000000"))
    }
    let call = DubboLoadBalancedCall(
      service: DubboServiceDescriptor(interface: "com.foo.Svc"),
      method: "m",
      hashKey: "key",
      statistics: DubboCallStatistics()
    )
    let balancer = DubboConsistentHashLoadBalancer()
    let start = ContinuousClock.now
    #expect(providers.contains(balancer.select(from: providers, for: call)))
    #expect(ContinuousClock.now - start < .seconds(5))
  }
}
