import Dubbo
import Testing

@Suite struct DubboReferenceURLTests {
  static func reference(_ text: String) throws -> DubboReference {
    try DubboReference(url: DubboURL(parsing: text))
  }

  @Test func readsServiceAndAddress() throws {
    let reference = try Self.reference(
      "dubbo://127.0.0.1:20880/org.apache.dubbo.sample.GreeterService?version=1.0.0&group=g"
    )
    #expect(reference.directory.providers.map(\.address) == ["127.0.0.1:20880"])
    #expect(reference.service.interface == "org.apache.dubbo.sample.GreeterService")
    #expect(reference.service.version == "1.0.0")
    #expect(reference.service.group == "g")
    #expect(reference.serialization == .hessian2)
    #expect(reference.timeout == .milliseconds(1000))
    #expect(reference.methodTimeouts.isEmpty)
  }

  @Test func defaultsPortAndVersion() throws {
    let reference = try Self.reference("dubbo://provider/com.foo.Svc")
    #expect(reference.directory.providers.map(\.port) == [20880])
    #expect(reference.service.version == nil)
    #expect(reference.service.wireVersion == "0.0.0")
    #expect(reference.service.group == nil)
  }

  @Test func interfaceParameterOverridesThePath() throws {
    let reference = try Self.reference("dubbo://h:1/alias?interface=com.foo.Svc")
    #expect(reference.service.interface == "com.foo.Svc")
  }

  @Test func readsTimeouts() throws {
    let reference = try Self.reference("dubbo://h:1/com.foo.Svc?timeout=3000&sayHello.timeout=250")
    #expect(reference.timeout == .milliseconds(3000))
    #expect(reference.methodTimeouts == ["sayHello": .milliseconds(250)])
  }

  @Test(arguments: [
    ("serialization=fastjson", DubboSerializationID.fastjson),
    ("serialization=protobuf", .protobuf),
    ("prefer.serialization=protobuf,hessian2", .protobuf),
    ("prefer.serialization=fastjson", .fastjson),
    ("prefer.serialization=hessian2&serialization=fastjson", .hessian2),
    ("prefer.serialization=fastjson2,hessian2", .hessian2),
    ("prefer.serialization=fastjson2&serialization=fastjson", .fastjson),
  ])
  func readsTheSerialization(_ query: String, _ expected: DubboSerializationID) throws {
    #expect(try Self.reference("dubbo://h:1/com.foo.Svc?\(query)").serialization == expected)
  }

  @Test func readsMethodSerializations() throws {
    let reference = try Self.reference("dubbo://h:1/com.foo.Svc?getUser.serialization=fastjson")
    #expect(reference.methodSerializations == ["getUser": .fastjson])
    #expect(reference.serialization == .hessian2)
  }

  @Test(arguments: [
    "dubbo://h:1",
    "dubbo://h:1/com.foo.Svc?timeout=abc",
    "dubbo://h:1/com.foo.Svc?timeout=0",
    "dubbo://h:1/com.foo.Svc?sayHello.timeout=-5",
    "dubbo://h:1/com.foo.Svc?serialization=kryo",
    "dubbo://h:1/com.foo.Svc?cluster=mergeable",
    "dubbo://h:1/com.foo.Svc?retries=-1",
    "dubbo://h:1/com.foo.Svc?loadbalance=fastest",
    "dubbo://h:1/com.foo.Svc?generic=bean",
  ])
  func rejectsBadValues(_ text: String) {
    #expect(throws: DubboURLError.self) { try Self.reference(text) }
  }

  @Test func connectsToTheBareIPv6Address() throws {
    let reference = try Self.reference("dubbo://[::1]:20881/com.foo.Svc")
    let provider = try #require(reference.directory.providers.first)
    #expect(provider.host == "::1")
    #expect(provider.port == 20881)
    #expect(provider.address == "[::1]:20881")
  }

  @Test func readsTheClusterAndLoadBalancer() throws {
    let defaults = try Self.reference("dubbo://h:1/com.foo.Svc")
    #expect(defaults.cluster == .failover(retries: 2))
    #expect(defaults.loadBalancer is DubboRandomLoadBalancer)
    let tuned = try Self.reference("dubbo://h:1/com.foo.Svc?cluster=forking&forks=3&loadbalance=roundrobin")
    #expect(tuned.cluster == .forking(forks: 3))
    #expect(tuned.loadBalancer is DubboRoundRobinLoadBalancer)
    #expect(try Self.reference("dubbo://h:1/com.foo.Svc?retries=0").cluster == .failover(retries: 0))
  }

  @Test func readsGeneric() throws {
    #expect(try Self.reference("dubbo://h:1/com.foo.Svc").isGeneric == false)
    #expect(try Self.reference("dubbo://h:1/com.foo.Svc?generic=true").isGeneric == true)
    #expect(try Self.reference("dubbo://h:1/com.foo.Svc?generic=False").isGeneric == false)
  }
}
