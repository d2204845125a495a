import Dubbo
import NIOConcurrencyHelpers
import NIOCore
import Testing

@Suite("End to end: connection behaviour")
struct ConnectionTests {
  @Test("a call past its timeout fails with SERVER_TIMEOUT and frees its slot; the late answer is dropped")
  func timeout() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        let reference = testReference(port: port)
        let started = ContinuousClock.now
        let error = await #expect(throws: DubboError.self) {
          try await client.call(
            TestService.slowEcho,
            arguments: DubboArgumentList("late", 1_500),
            reference: reference,
            options: DubboCallOptions(timeout: .milliseconds(100))
          )
        }
        #expect(error?.status == .serverTimeout)
        #expect(error?.message.contains("timeout: 100 ms") == true)
        // Sooner than the answer, which comes after 1.5 s.
        #expect(ContinuousClock.now - started < .milliseconds(1_500))
        try await Task.sleep(for: .milliseconds(1_500))
        let next = try await client.call(TestService.echo, arguments: DubboArgumentList("next"), reference: reference)
        #expect(next.value == "next")
      }
    }
  }

  @Test("a call with a shorter timeout times out on time behind a waiting call with a longer one")
  func shorterTimeoutBehindLongerOne() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        let reference = testReference(port: port)
        async let patient = client.call(
          TestService.slowEcho,
          arguments: DubboArgumentList("patient", 1_000),
          reference: reference,
          options: DubboCallOptions(timeout: .seconds(20))
        )
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        let error = await #expect(throws: DubboError.self) {
          try await client.call(
            TestService.slowEcho,
            arguments: DubboArgumentList("hasty", 3_000),
            reference: reference,
            options: DubboCallOptions(timeout: .milliseconds(200))
          )
        }
        #expect(error?.status == .serverTimeout)
        #expect(error?.message.contains("timeout: 200 ms") == true)
        // Well before its own answer, which would come after 3 s.
        #expect(ContinuousClock.now - started < .milliseconds(2_500))
        #expect(try await patient.value == "patient")
      }
    }
  }

  @Test("per-method timeouts from the reference apply to that method only")
  func methodTimeout() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        var reference = testReference(port: port)
        reference.methodTimeouts["slowEcho"] = .milliseconds(50)
        let error = await #expect(throws: DubboError.self) {
          try await client.call(TestService.slowEcho, arguments: DubboArgumentList("x", 300), reference: reference)
        }
        #expect(error?.status == .serverTimeout)
        let echoed = try await client.call(TestService.echo, arguments: DubboArgumentList("y"), reference: reference)
        #expect(echoed.value == "y")
      }
    }
  }

  @Test("1,000 concurrent calls share one connection and each gets its own answer")
  func concurrentCalls() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        let reference = testReference(port: port)
        let ports = try await withThrowingTaskGroup(of: (Int, String, Int32).self) { group in
          for index in 0..<1_000 {
            group.addTask {
              let text = try await client.call(
                TestService.slowEcho,
                arguments: DubboArgumentList("call-\(index)", 20),
                reference: reference,
                options: DubboCallOptions(timeout: .seconds(20))
              )
              let port = try await client.call(
                TestService.consumerPort,
                arguments: DubboNoArguments(),
                reference: reference,
                options: DubboCallOptions(timeout: .seconds(20))
              )
              return (index, text.value, port.value)
            }
          }
          var ports = Set<Int32>()
          for try await (index, text, port) in group {
            #expect(text == "call-\(index)")
            ports.insert(port)
          }
          return ports
        }
        #expect(ports.count == 1)
      }
    }
  }

  @Test("heartbeats keep an idle connection open past the provider's idle timeout")
  func heartbeats() async throws {
    var server = DubboServer.Configuration(port: 0)
    server.idleTimeout = .milliseconds(1_500)
    try await withTestServer(server) { _, port in
      var configuration = DubboClient.Configuration()
      configuration.heartbeatInterval = .milliseconds(100)
      try await withDubboClient(configuration: configuration) { client in
        let reference = testReference(port: port)
        let before = try await client.call(
          TestService.consumerPort, arguments: DubboNoArguments(), reference: reference)
        try await Task.sleep(for: .milliseconds(3_500))
        let after = try await client.call(TestService.consumerPort, arguments: DubboNoArguments(), reference: reference)
        #expect(before.value == after.value)
      }
    }
  }

  @Test("without heartbeats the provider closes an idle connection and the client reconnects")
  func idleConnectionClosed() async throws {
    var server = DubboServer.Configuration(port: 0)
    // Long enough that a loaded machine still gets the first call in before the provider closes
    // the new connection; the sleep is far past it, as the close itself can come late.
    server.idleTimeout = .milliseconds(1_000)
    try await withTestServer(server) { _, port in
      try await withDubboClient { client in
        let reference = testReference(port: port)
        let before = try await client.call(
          TestService.consumerPort, arguments: DubboNoArguments(), reference: reference)
        try await Task.sleep(for: .milliseconds(4_000))
        let after = try await client.call(TestService.consumerPort, arguments: DubboNoArguments(), reference: reference)
        #expect(before.value != after.value)
      }
    }
  }

  @Test("a request over the client's payload limit fails locally; over the provider's limit, BAD_REQUEST")
  func requestPayloadLimit() async throws {
    var server = DubboServer.Configuration(port: 0)
    server.payloadLimit = 4_096
    try await withTestServer(server) { _, port in
      let big = String(repeating: "x", count: 8_000)
      try await withDubboClient(configuration: .init(payloadLimit: 4_096)) { client in
        let error = await #expect(throws: DubboError.self) {
          try await client.call(
            TestService.echo, arguments: DubboArgumentList(big), reference: testReference(port: port))
        }
        #expect(error?.status == .clientError)
        #expect(error?.message.hasPrefix("Data length too large: ") == true)
      }
      try await withDubboClient(configuration: .init(payloadLimit: nil)) { client in
        let reference = testReference(port: port)
        let error = await #expect(throws: DubboError.self) {
          try await client.call(TestService.echo, arguments: DubboArgumentList(big), reference: reference)
        }
        #expect(error?.status == .badRequest)
        #expect(error?.message.contains("ExceedPayloadLimitException: Data length too large") == true)
        let small = try await client.call(TestService.echo, arguments: DubboArgumentList("small"), reference: reference)
        #expect(small.value == "small")
      }
    }
  }

  @Test("a service's own payload limit and a reference's limit apply to their calls only")
  func serviceAndReferencePayloadLimits() async throws {
    let limited = TestProvider(
      serviceDescriptor: DubboServiceDescriptor(interface: TestService.descriptor.interface, group: "limited"),
      payloadLimit: 2_048
    )
    try await withTestServer(services: [TestProvider(), limited]) { _, port in
      try await withDubboClient { client in
        let big = String(repeating: "x", count: 4_000)
        var reference = testReference(port: port)
        let unlimited = try await client.call(TestService.echo, arguments: DubboArgumentList(big), reference: reference)
        #expect(unlimited.value == big)
        reference.service.group = "limited"
        let rejected = await #expect(throws: DubboError.self) {
          try await client.call(TestService.echo, arguments: DubboArgumentList(big), reference: reference)
        }
        #expect(rejected?.status == .badRequest)
        #expect(rejected?.message.contains("max payload: 2048") == true)
        reference = try DubboReference(
          url: DubboURL(
            parsing: "dubbo://127.0.0.1:\(port)/\(TestService.descriptor.interface)?payload=1024&timeout=10000")
        )
        let local = await #expect(throws: DubboError.self) {
          try await client.call(TestService.echo, arguments: DubboArgumentList(big), reference: reference)
        }
        #expect(local?.status == .clientError)
        #expect(local?.message.contains("max payload: 1024") == true)
      }
    }
  }

  @Test("a response over the provider's limit becomes SERIALIZATION_ERROR; over the client's, CLIENT_ERROR")
  func responsePayloadLimit() async throws {
    var server = DubboServer.Configuration(port: 0)
    server.payloadLimit = 4_096
    try await withTestServer(server) { _, port in
      try await withDubboClient { client in
        let error = await #expect(throws: DubboError.self) {
          try await client.call(
            TestService.repeatText, arguments: DubboArgumentList("ab", 5_000), reference: testReference(port: port))
        }
        #expect(error?.status == .serializationError)
        #expect(error?.message.hasPrefix("Data length too large: ") == true)
      }
    }
    try await withTestServer { _, port in
      try await withDubboClient(configuration: .init(payloadLimit: 4_096)) { client in
        let reference = testReference(port: port)
        let error = await #expect(throws: DubboError.self) {
          try await client.call(
            TestService.repeatText, arguments: DubboArgumentList("ab", 50_000), reference: reference)
        }
        #expect(error?.status == .clientError)
        #expect(error?.message.hasPrefix("Data length too large: ") == true)
        let after = try await client.call(
          TestService.echo, arguments: DubboArgumentList("in step"), reference: reference)
        #expect(after.value == "in step")
      }
    }
  }

  @Test("calls fail fast when the provider goes away, and the client reconnects when it is back")
  func providerRestart() async throws {
    // On an address of its own, so no other test's server takes the port while the provider is
    // down, and no connection to it can come from it (connections come from 127.0.0.1).
    var configuration = DubboServer.Configuration(host: IsolatedHost.providerRestart, port: 0)
    configuration.port = try await withTestServer(configuration) { _, port in port }
    try await withDubboClient(configuration: .init(connectTimeout: .seconds(1))) { client in
      let reference = testReference(host: IsolatedHost.providerRestart, port: configuration.port)
      try await withTestServer(configuration) { _, _ in
        let up = try await client.call(TestService.echo, arguments: DubboArgumentList("up"), reference: reference)
        #expect(up.value == "up")
      }
      let started = ContinuousClock.now
      let down = await #expect(throws: DubboError.self) {
        try await client.call(TestService.echo, arguments: DubboArgumentList("down"), reference: reference)
      }
      #expect(down?.status == .channelInactive)
      #expect(ContinuousClock.now - started < .milliseconds(900))
      try await withTestServer(configuration) { _, _ in
        let back = try await client.call(TestService.echo, arguments: DubboArgumentList("back"), reference: reference)
        #expect(back.value == "back")
      }
    }
  }

  @Test("graceful shutdown under load finishes every call in flight, then refuses new connections")
  func gracefulShutdown() async throws {
    let provider = TestProvider()
    // On an address of its own: once the provider is gone, no other test's server can take its
    // port before the check that new connections are refused.
    let server = DubboServer(configuration: .init(host: IsolatedHost.gracefulShutdown, port: 0), services: [provider])
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.serve() }
      let port = try await server.listeningAddress.port!
      try await withDubboClient { client in
        let reference = testReference(host: IsolatedHost.gracefulShutdown, port: port)
        let answered = NIOLockedValueBox(0)
        try await withThrowingTaskGroup(of: Void.self) { calls in
          for index in 0..<200 {
            calls.addTask {
              let reply = try await client.call(
                TestService.slowEcho,
                arguments: DubboArgumentList("n\(index)", 300),
                reference: reference,
                options: DubboCallOptions(timeout: .seconds(10))
              )
              #expect(reply.value == "n\(index)")
              answered.withLockedValue { $0 += 1 }
            }
          }
          // Every call has reached the provider: a call the client only starts once the readonly
          // event has arrived may find the connection closed, as in Java.
          let deadline = ContinuousClock.now + .seconds(10)
          while provider.slowCallsStarted.withLockedValue({ $0 }) < 200, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
          }
          server.beginGracefulShutdown()
          try await calls.waitForAll()
        }
        #expect(answered.withLockedValue { $0 } == 200)
      }
      try await group.waitForAll()
      try await withDubboClient { client in
        let reference = testReference(host: IsolatedHost.gracefulShutdown, port: port)
        let refused = await #expect(throws: DubboError.self) {
          try await client.call(TestService.echo, arguments: DubboArgumentList("late"), reference: reference)
        }
        #expect(refused?.status == .channelInactive)
      }
    }
  }
}
