import Dubbo
import DubboHessian
import SwiftProtobuf
import Testing

struct Hello: Hello_Greeter.SimpleServiceProtocol {
  func greet(request: Hello_HelloRequest) async throws -> Hello_HelloReply {
    .with {
      $0.message = "Hello, \(request.name) in \(request.languages.joined(separator: ", "))"
      $0.length = Int32(request.name.count)
    }
  }
}

@Suite("Generated code: a service with protobuf serialization")
struct HelloProtobufTests {
  @Test("the descriptors use protoc's Java class names and the service's serialization")
  func descriptors() {
    #expect(Hello_Greeter.serialization == .protobuf)
    #expect(Hello_Greeter.descriptor.serviceKey == "org.example.hello.Greeter:2.0.0")
    #expect(Hello_Greeter.Method.greet.parameterDescriptor == "Lorg/example/hello/HelloProto$HelloRequest;")
  }

  @Test("calls travel as protobuf, and the same client can switch to hessian2 per call")
  func calls() async throws {
    try await withLoopback([Hello()]) { client, port in
      let greeter = Hello_Greeter.Client(
        client: client, reference: Hello_Greeter.reference(host: "127.0.0.1", port: port).patient)
      let request = Hello_HelloRequest.with {
        $0.name = "Ada"
        $0.languages = ["en", "fr"]
      }
      let reply = try await greeter.greet(request)
      #expect(reply.message == "Hello, Ada in en, fr" && reply.length == 3)
      var options = DubboCallOptions()
      options.serialization = .hessian2
      let overHessian = try await greeter.greet(request, options: options)
      #expect(overHessian == reply)
    }
  }
}
