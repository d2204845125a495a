import Dubbo
import Logging
import Testing

@testable import DubboZooKeeper

/// What a registry takes from its URL, and the factory.
@Suite("ZooKeeper registry URL")
struct ZooKeeperRegistryURLTests {
  @Test("defaults: port 2181, root /dubbo, 60 s sessions, 30 s connection timeout")
  func defaults() async throws {
    let registry = try ZooKeeperRegistry(url: try DubboURL(parsing: "zookeeper://127.0.0.1"))
    #expect(registry.connectString == "127.0.0.1:2181")
    #expect(registry.root == "/dubbo")
    #expect(registry.sessionTimeout == .seconds(60))
    #expect(registry.connectionTimeout == .seconds(30))
    await registry.close()
  }

  @Test("backup addresses, group, session and timeout")
  func parameters() async throws {
    let registry = try ZooKeeperRegistry(
      url: try DubboURL(
        parsing: "zookeeper://127.0.0.1:2182?backup=127.0.0.2:2183, 127.0.0.3&group=apps/dubbo&session=5000&timeout=700"
      ))
    #expect(registry.connectString == "127.0.0.1:2182,127.0.0.2:2183,127.0.0.3:2181")
    #expect(registry.root == "/apps/dubbo")
    #expect(registry.sessionTimeout == .milliseconds(5000))
    #expect(registry.connectionTimeout == .milliseconds(700))
    await registry.close()
  }

  @Test("a malformed session timeout is rejected")
  func malformedSession() throws {
    #expect(throws: ZooKeeperError.self) {
      try ZooKeeperRegistry(url: try DubboURL(parsing: "zookeeper://127.0.0.1:2181?session=soon"))
    }
  }

  @Test("the node paths of Java's layout, under other roots too")
  func layout() throws {
    let provider = try DubboURL(parsing: "dubbo://10.0.0.1:20880/com.example.Greeter?b=2&a=1")
    let leaf = "dubbo%3A%2F%2F10.0.0.1%3A20880%2Fcom.example.Greeter%3Fa%3D1%26b%3D2"
    #expect(
      try ZooKeeperLayout(group: nil).registration(provider).path == "/dubbo/com.example.Greeter/providers/\(leaf)")
    #expect(try ZooKeeperLayout(group: "/").registration(provider).path == "/com.example.Greeter/providers/\(leaf)")
    let nested = try ZooKeeperLayout(group: "apps/dubbo").registration(provider)
    #expect(nested.directories.prefix(3) == ["/apps", "/apps/dubbo", "/apps/dubbo/com.example.Greeter"])
    #expect(nested.isEphemeral)
    let routes = try DubboURL(parsing: "route://0.0.0.0/com.example.Greeter?category=routers&dynamic=false")
    #expect(try !ZooKeeperLayout(group: nil).registration(routes).isEphemeral)
    let everything = try DubboURL(parsing: "consumer://10.0.0.1/*?interface=*")
    #expect(throws: ZooKeeperError.self) { try ZooKeeperLayout(group: nil).servicePath(everything) }
  }

  @Test("the standard factory makes ZooKeeper registries")
  func factory() async throws {
    let registry = try DubboRegistryFactory.standard.makeRegistry(
      url: try DubboURL(parsing: "zookeeper://127.0.0.1:2181"), logger: testLogger)
    let zooKeeper = try #require(registry as? ZooKeeperRegistry)
    #expect(zooKeeper.root == "/dubbo")
    await registry.close()
  }

  @Test("the C client's log lines keep their text and get a lower level")
  func clientLog() {
    let (level, message) = ZooKeeperClientLog.parse(
      "2024-05-01 10:00:00,123:4242(0x7f0011223344):ZOO_ERROR@handle_socket_error_msg@1230: Socket closed")
    #expect(level == .debug)
    #expect(message == "handle_socket_error_msg@1230: Socket closed")
    #expect(ZooKeeperClientLog.parse("…:1(0x1):ZOO_INFO@log_env@1: Client environment").0 == .trace)
  }
}
