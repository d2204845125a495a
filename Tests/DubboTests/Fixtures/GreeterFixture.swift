import Dubbo
import DubboHessian

// `org.apache.dubbo.sample.GreeterService`, declared by hand: hand-written conformances
// (`HessianObjectCodable`, `DubboSerializable`, `DubboServiceProvider`) are a supported API next to
// the generated code, and these tests keep that path covered. Tests/DubboGeneratedTests covers the
// same service generated from a .proto.

/// The service, one descriptor per method, a provider protocol and a typed client.
enum GreeterService {
  /// The service: no version, no group.
  static let descriptor = DubboServiceDescriptor(interface: "org.apache.dubbo.sample.GreeterService")

  /// The methods, with their Java signatures.
  enum Method {
    /// `String sayHello(String name)`.
    static let sayHello = DubboMethod(
      name: "sayHello",
      parameterTypes: [.object("java.lang.String")],
      returnType: .object("java.lang.String"),
      arguments: DubboArgumentList<String>.self,
      result: String.self
    )
    /// `User getUser(String id)`.
    static let getUser = DubboMethod(
      name: "getUser",
      parameterTypes: [.object("java.lang.String")],
      returnType: .object(User.hessianClass.className),
      arguments: DubboArgumentList<String>.self,
      result: User?.self
    )
    /// `User echoUser(User u)`.
    static let echoUser = DubboMethod(
      name: "echoUser",
      parameterTypes: [.object(User.hessianClass.className)],
      returnType: .object(User.hessianClass.className),
      arguments: DubboArgumentList<User?>.self,
      result: User?.self
    )
  }

  /// What a provider of the service implements.
  protocol ServiceProtocol: DubboServiceProvider {
    /// Greets `name`.
    func sayHello(name: String, context: DubboServerContext) async throws -> String
    /// Looks a user up.
    func getUser(id: String, context: DubboServerContext) async throws -> User?
    /// Returns `user` unchanged.
    func echoUser(_ user: User?, context: DubboServerContext) async throws -> User?
  }

  /// A typed client of the service.
  struct Client: Sendable {
    /// The runtime client the calls go through.
    let client: DubboClient
    /// The provider and call defaults.
    let reference: DubboReference

    /// Calls `sayHello`.
    func sayHello(name: String, options: DubboCallOptions = DubboCallOptions()) async throws -> String {
      try await client.call(Method.sayHello, arguments: DubboArgumentList(name), reference: reference, options: options)
        .value
    }

    /// Calls `getUser`.
    func getUser(id: String, options: DubboCallOptions = DubboCallOptions()) async throws -> User? {
      try await client.call(Method.getUser, arguments: DubboArgumentList(id), reference: reference, options: options)
        .value
    }

    /// Calls `echoUser`.
    func echoUser(_ user: User?, options: DubboCallOptions = DubboCallOptions()) async throws -> User? {
      try await client.call(Method.echoUser, arguments: DubboArgumentList(user), reference: reference, options: options)
        .value
    }
  }
}

extension GreeterService.ServiceProtocol {
  /// The service this provider implements.
  var serviceDescriptor: DubboServiceDescriptor { GreeterService.descriptor }

  /// Routes each method to its implementation.
  func registerMethods(with router: inout DubboMethodRouter) {
    router.register(GreeterService.Method.sayHello) { arguments, context in
      try await self.sayHello(name: arguments.values, context: context)
    }
    router.register(GreeterService.Method.getUser) { arguments, context in
      try await self.getUser(id: arguments.values, context: context)
    }
    router.register(GreeterService.Method.echoUser) { arguments, context in
      try await self.echoUser(arguments.values, context: context)
    }
  }
}

/// GreeterService as Dubbo's Java sample implements it.
struct Greeter: GreeterService.ServiceProtocol {
  /// `"Hello, " + name`.
  func sayHello(name: String, context: DubboServerContext) async throws -> String {
    "Hello, " + name
  }

  /// A user named after its id, aged 42.
  func getUser(id: String, context: DubboServerContext) async throws -> User? {
    User(id: id, name: "user-" + id, age: 42)
  }

  /// The user, unchanged.
  func echoUser(_ user: User?, context: DubboServerContext) async throws -> User? {
    user
  }
}

/// The Java class `org.apache.dubbo.sample.User { String id; String name; int age; }`, coded by
/// hand; `Codable` gives it its fastjson form.
struct User: HessianObjectCodable, DubboSerializable, Codable, Hashable {
  /// The user id.
  var id: String?
  /// The display name.
  var name: String?
  /// The age in years.
  var age: Int32

  /// The Java class and its fields, in the order hessian-lite writes them.
  static let hessianClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.User",
    fieldNames: ["age", "name", "id"]
  )

  /// Creates a user.
  init(id: String?, name: String?, age: Int32) {
    self.id = id
    self.name = name
    self.age = age
  }

  /// Writes the user as an object of its Java class.
  func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(age)
    encoder.encode(name)
    encoder.encode(id)
  }

  /// Reads the user, matching fields by name.
  init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var user = User(id: nil, name: nil, age: 0)
    for field in header.fieldIndexes {
      switch field {
      case 0: user.age = try decoder.decode(Int32.self)
      case 1: user.name = try decoder.decode(String?.self)
      case 2: user.id = try decoder.decode(String?.self)
      default: try decoder.skipValue()
      }
    }
    self = user
  }
}
