import Dubbo
import DubboHessian
import NIOConcurrencyHelpers
import SwiftProtobuf
import Testing

@Suite("End to end: calls over loopback")
struct CallTests {
  @Test("hessian2: strings, objects, null and Unicode round-trip")
  func hessian2() async throws {
    try await withTestServer(services: [TestProvider(), Greeter()]) { _, port in
      try await withDubboClient { client in
        let reference = DubboReference(
          host: "127.0.0.1", port: port, service: GreeterService.descriptor, timeout: .seconds(10))
        let greeter = GreeterService.Client(client: client, reference: reference)
        let result1 = try await greeter.sayHello(name: "world")
        #expect(result1 == "Hello, world")
        let result2 = try await greeter.getUser(id: "7")
        #expect(result2 == User(id: "7", name: "user-7", age: 42))
        let user = User(id: "42", name: "Zoë 🚀", age: 30)
        let result3 = try await greeter.echoUser(user)
        #expect(result3 == user)
        let result4 = try await greeter.echoUser(nil)
        #expect(result4 == nil)
        let long = String(repeating: "ab🚀", count: 20_000)
        let result5 = try await greeter.sayHello(name: long)
        #expect(result5 == "Hello, " + long)
      }
    }
  }

  @Test(
    "every handler execution answers concurrent calls and exceptions the same way",
    arguments: [DubboServer.HandlerExecution.startingOnEventLoop, .globalExecutor, .eventLoop]
  )
  func handlerExecutions(_ execution: DubboServer.HandlerExecution) async throws {
    try await withTestServer(DubboServer.Configuration(port: 0, handlerExecution: execution)) { _, port in
      try await withDubboClient { client in
        let reference = testReference(port: port)
        try await withThrowingTaskGroup(of: Void.self) { group in
          for index in 0..<200 {
            group.addTask {
              let reply = try await client.call(
                TestService.slowEcho,
                arguments: DubboArgumentList("n\(index)", Int32(index % 20)),
                reference: reference,
                options: DubboCallOptions(timeout: .seconds(10))
              )
              #expect(reply.value == "n\(index)")
            }
          }
          try await group.waitForAll()
        }
        let error = await #expect(throws: DubboError.self) {
          try await client.call(TestService.fail, arguments: DubboArgumentList("java"), reference: reference)
        }
        #expect(error?.exception?.className == "java.lang.IllegalStateException")
      }
    }
  }

  @Test("fastjson: the same calls written as JSON lines")
  func fastjson() async throws {
    try await withTestServer(services: [Greeter()]) { _, port in
      try await withDubboClient { client in
        let reference = DubboReference(
          host: "127.0.0.1",
          port: port,
          service: GreeterService.descriptor,
          serialization: .fastjson,
          timeout: .seconds(10)
        )
        let greeter = GreeterService.Client(client: client, reference: reference)
        let result6 = try await greeter.sayHello(name: "json \"quoted\"\n")
        #expect(result6 == "Hello, json \"quoted\"\n")
        let user = User(id: "42", name: "Zoë", age: 30)
        let result7 = try await greeter.echoUser(user)
        #expect(result7 == user)
        let result8 = try await greeter.echoUser(nil)
        #expect(result8 == nil)
      }
    }
  }

  @Test("protobuf: message arguments and results, under Java's id 22 and dubbo-go's id 21")
  func protobuf() async throws {
    var configuration = DubboServer.Configuration(port: 0)
    configuration.serializations = .dubboGoCompatible
    try await withTestServer(configuration) { _, port in
      try await withDubboClient(configuration: .init(serializations: .dubboGoCompatible)) { client in
        for id in [DubboSerializationID.protobuf, .protobufJSON] {
          let reply = try await client.call(
            TestService.protoEcho,
            arguments: DubboArgumentList(Google_Protobuf_StringValue("hi")),
            reference: testReference(port: port, serialization: id)
          )
          #expect(reply.value.value == "proto: hi")
          #expect(reply.attachments[string: "dubbo"] == "2.0.2")
        }
      }
    }
  }

  @Test("a type without a protobuf form fails locally with CLIENT_ERROR")
  func unsupportedSerialization() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        let error = await #expect(throws: DubboError.self) {
          try await client.call(
            TestService.echo,
            arguments: DubboArgumentList("x"),
            reference: testReference(port: port, serialization: .protobuf)
          )
        }
        #expect(error?.status == .clientError)
        #expect(error?.message.contains("protobuf") == true)
      }
    }
  }

  @Test("attachments travel both ways; Dubbo's own keys are set")
  func attachments() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        let reference = testReference(port: port)
        let options = DubboCallOptions(attachments: ["trace-id": "abc-123"])
        let traced = try await client.call(
          TestService.attachment,
          arguments: DubboArgumentList("trace-id"),
          reference: reference,
          options: options
        )
        #expect(traced.value == "abc-123")
        #expect(traced.attachments[string: "served-by"] == "swift")
        #expect(traced.attachments[string: "dubbo"] == "2.0.2")
        for (key, expected) in [
          ("path", "org.apache.dubbo.test.TestService"), ("interface", "org.apache.dubbo.test.TestService"),
          ("version", "0.0.0"), ("timeout", "10000"),
        ] {
          let value = try await client.call(
            TestService.attachment, arguments: DubboArgumentList(key), reference: reference)
          #expect(value.value == expected, "attachment \(key)")
        }
      }
    }
  }

  @Test("exceptions: a Java exception keeps its class; other errors become RuntimeException")
  func exceptions() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        let reference = testReference(port: port)
        let java = await #expect(throws: DubboError.self) {
          try await client.call(TestService.fail, arguments: DubboArgumentList("java"), reference: reference)
        }
        #expect(java?.status == .ok)
        #expect(java?.exception?.className == "java.lang.IllegalStateException")
        #expect(java?.exception?.message == "boom")
        #expect(java?.attachments[string: "dubbo"] == "2.0.2")

        let swift = await #expect(throws: DubboError.self) {
          try await client.call(TestService.fail, arguments: DubboArgumentList("other"), reference: reference)
        }
        #expect(swift?.exception?.className == "java.lang.RuntimeException")
        #expect(swift?.exception?.message == "test failure: other")
      }
    }
  }

  @Test("unknown services answer SERVICE_ERROR and unknown methods BAD_REQUEST, with Java's texts")
  func unknownServiceAndMethod() async throws {
    try await withTestServer { _, port in
      try await withDubboClient { client in
        var reference = testReference(port: port)
        reference.service = DubboServiceDescriptor(interface: "org.apache.dubbo.test.TestService", version: "9.9.9")
        let service = await #expect(throws: DubboError.self) {
          try await client.call(TestService.echo, arguments: DubboArgumentList("x"), reference: reference)
        }
        #expect(service?.status == .serviceError)
        #expect(
          service?.message.contains("Not found exported service: org.apache.dubbo.test.TestService:9.9.9") == true)

        let misspelt = DubboMethod(
          name: "echo",
          parameterTypes: [.object("java.lang.Object")],
          returnType: .object("java.lang.String"),
          arguments: DubboArgumentList<String>.self,
          result: String.self
        )
        let method = await #expect(throws: DubboError.self) {
          try await client.call(misspelt, arguments: DubboArgumentList("x"), reference: testReference(port: port))
        }
        #expect(method?.status == .badRequest)
        #expect(method?.message.contains("Service not found:org.apache.dubbo.test.TestService, echo") == true)

        let recovered = try await client.call(
          TestService.echo,
          arguments: DubboArgumentList("still serving"),
          reference: testReference(port: port)
        )
        #expect(recovered.value == "still serving")
      }
    }
  }

  @Test("oneway calls run on the provider without an answer")
  func oneway() async throws {
    let provider = TestProvider()
    try await withTestServer(services: [provider]) { _, port in
      try await withDubboClient { client in
        for index in 0..<5 {
          try await client.callOneway(
            TestService.record, arguments: DubboArgumentList("n\(index)"), reference: testReference(port: port))
        }
        let viaCall = try await client.call(
          TestService.record, arguments: DubboArgumentList("n5"), reference: testReference(port: port))
        #expect(viaCall.value == DubboVoid())
        let deadline = ContinuousClock.now + .seconds(5)
        while provider.recorded.withLockedValue({ $0.count }) < 6, ContinuousClock.now < deadline {
          try await Task.sleep(for: .milliseconds(10))
        }
        #expect(Set(provider.recorded.withLockedValue { $0 }) == ["n0", "n1", "n2", "n3", "n4", "n5"])
      }
    }
  }
}
