import Dubbo
import DubboHessian
import SwiftProtobuf
import Testing

/// `org.apache.dubbo.sample.GreeterService` from greeter.proto: `String sayHello(String)`,
/// `User getUser(String)` and `User echoUser(User)` over hessian2.
struct Greeter: Sample_GreeterService.SimpleServiceProtocol {
  func sayHello(request: Sample_SayHelloRequest) async throws -> Sample_SayHelloReply {
    .with { $0.message = "Hello, \(request.name)" }
  }

  func getUser(request: Sample_GetUserRequest) async throws -> Sample_User {
    .with {
      $0.id = request.id
      $0.name = "user-\(request.id)"
      $0.age = 42
    }
  }

  func echoUser(request: Sample_User) async throws -> Sample_User { request }
}

@Suite("Generated code: GreeterService over hessian2")
struct GreeterServiceTests {
  @Test("the descriptors carry the Java interface, method names and signatures")
  func descriptors() {
    #expect(Sample_GreeterService.descriptor.serviceKey == "org.apache.dubbo.sample.GreeterService")
    #expect(Sample_GreeterService.Method.sayHello.name == "sayHello")
    #expect(Sample_GreeterService.Method.sayHello.parameterDescriptor == "Ljava/lang/String;")
    #expect(Sample_GreeterService.Method.sayHello.returnType == .object("java.lang.String"))
    #expect(Sample_GreeterService.Method.echoUser.parameterDescriptor == "Lorg/apache/dubbo/sample/User;")
    #expect(Sample_User.hessianClass.fieldNames == ["age", "name", "id"])
  }

  @Test(
    "a generated message reads its Java class's fields in any order, skipping unknown ones",
    arguments: [["age", "name", "id"], ["id", "name", "age"], ["name", "email", "id", "age"], ["id"]]
  )
  func decodesAnyFieldOrder(wireFields: [String]) throws {
    let values: [String: HessianValue] = ["age": .int(42), "name": .string("Ada"), "id": .string("7"), "email": .null]
    var encoder = HessianEncoder()
    for _ in 0..<2 {
      let fields = wireFields.map { HessianObject.Field(name: $0, value: values[$0]!) }
      encoder.encode(HessianValue.object(HessianObject(className: "org.apache.dubbo.sample.User", fields: fields)))
    }
    var decoder = HessianDecoder(buffer: encoder.buffer)
    for _ in 0..<2 {
      let user = try decoder.decode(Sample_User.self)
      #expect(user.age == (wireFields.contains("age") ? 42 : 0))
      #expect(user.name == (wireFields.contains("name") ? "Ada" : ""))
      #expect(user.id == "7")
    }
    #expect(decoder.isAtEnd)
  }

  @Test("consistent hashing keys on the first Java argument of field-shaped methods")
  func firstArgumentText() {
    #expect(Sample_GreeterService.SayHelloParameters(.with { $0.name = "ada" }).firstArgumentText == "ada")
    #expect(Users_UserService.GetProfileParameters(.with { $0.id = 42 }).firstArgumentText == "42")
  }

  @Test("a generated client calls a generated provider")
  func calls() async throws {
    try await withLoopback([Greeter()]) { client, port in
      let greeter = Sample_GreeterService.Client(
        client: client,
        reference: Sample_GreeterService.reference(host: "127.0.0.1", port: port).patient
      )
      let reply = try await greeter.sayHello(.with { $0.name = "Zoë 🚀" })
      #expect(reply.message == "Hello, Zoë 🚀")
      let user = try await greeter.getUser(.with { $0.id = "7" })
      #expect(user.name == "user-7" && user.age == 42 && user.id == "7")
      let echoed = try await greeter.echoUser(user)
      #expect(echoed == user)
    }
  }
}
