import CZooKeeper
import Dubbo
import Testing

@testable import DubboZooKeeper

/// Connection loss and session expiry.
@Suite("ZooKeeper registry recovery")
struct ZooKeeperRecoveryTests {
  @Test("a restarted server has the registry's nodes back, and subscriptions follow it again")
  func serverRestart() async throws {
    try await withResources { resources in
      let server = try await resources.server()
      let interface = uniqueInterface()
      // A short session: the C client gives up on a connection whose handshake is not answered (a
      // server starting may accept it and drop it) after 2/3 of it.
      let url = try registryURL(server.address, "session=6000&timeout=30000")
      let providers = try resources.registry(url)
      let consumers = try resources.registry(url)
      let first = providerURL(interface, port: 20881)
      let second = providerURL(interface, port: 20882)
      try await providers.register(first)
      let recorder = NotificationRecorder(try await consumers.subscribe(consumerURL(interface)))
      try await recorder.waitForProviders([first])
      let received = recorder.count

      try await server.stop(keepData: true)
      // Registering while the server is down waits for it.
      let registering = Task { try await providers.register(second) }
      try await Task.sleep(for: .seconds(2))
      #expect(recorder.count == received, "the subscription yielded while the server was down")
      #expect(recorder.latest?.providers == [first])

      try await server.start()
      try await registering.value
      try await recorder.waitForProviders([first, second], timeout: .seconds(20))
      let raw = try await resources.raw(server.address)
      try await eventually("both provider nodes, on the provider's session", timeout: .seconds(20)) {
        let session = await providers.currentClientID()?.client_id
        return try [first, second].allSatisfy {
          try raw.stat("/dubbo/\(interface)/providers/\(DubboURL.formEncode($0.description))")?.ephemeralOwner
            == session
        }
      }

      // Still followed after the restart.
      try await providers.unregister(first)
      try await recorder.waitForProviders([second])
    }
  }

  @Test("after its session expires, a registry registers again on a new session and its subscriptions go on")
  func sessionExpiry() async throws {
    try await withResources { resources in
      let interface = uniqueInterface()
      let raw = try await resources.raw(sharedZooKeeper)
      let providerLink = try resources.relay(to: sharedZooKeeper)
      let consumerLink = try resources.relay(to: sharedZooKeeper)
      let providers = try resources.registry(try registryURL(providerLink.address))
      let consumers = try resources.registry(try registryURL(consumerLink.address))
      let first = providerURL(interface, port: 20881)
      let second = providerURL(interface, port: 20882)
      let node = "/dubbo/\(interface)/providers/\(DubboURL.formEncode(first.description))"
      try await providers.register(first)
      let recorder = NotificationRecorder(try await consumers.subscribe(consumerURL(interface)))
      try await recorder.waitForProviders([first])

      let renewed = try await expireSession(of: providers, behind: providerLink)
      try await eventually("the provider's node on the new session") {
        try raw.stat(node)?.ephemeralOwner == renewed
      }
      try await recorder.waitForProviders([first])

      _ = try await expireSession(of: consumers, behind: consumerLink)
      try await providers.register(second)
      try await recorder.waitForProviders([first, second])
      try await providers.unregister(first)
      try await recorder.waitForProviders([second])
    }
  }

  /// Makes the server expire the registry's session the classic way (another client resumes the
  /// session with its id and password, then closes it), with the registry cut off meanwhile so that
  /// it cannot take the session back first; then lets it reach the server again, to learn that
  /// the session has expired. Returns the id of the registry's new session.
  private func expireSession(of registry: ZooKeeperRegistry, behind link: TCPRelay) async throws -> Int64 {
    let expired = try #require(await registry.currentClientID())
    link.cut()
    try await RawZooKeeper.expire(expired, at: sharedZooKeeper)
    link.restore()
    var renewed: Int64 = 0
    try await eventually("a new session") {
      renewed = await registry.currentClientID()?.client_id ?? 0
      return renewed != 0 && renewed != expired.client_id
    }
    return renewed
  }
}
