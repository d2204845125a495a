import Dubbo

/// The example's implementation of GreeterService, as the Java sample implements it.
public struct Greeter: GreeterService.ServiceProtocol {
  /// Creates the implementation.
  public init() {}

  /// `"Hello, " + name`.
  public func sayHello(name: String, context: DubboServerContext) async throws -> String {
    "Hello, " + name
  }

  /// A user named after its id, aged 42.
  public func getUser(id: String, context: DubboServerContext) async throws -> User? {
    User(id: id, name: "user-" + id, age: 42)
  }

  /// The user, unchanged.
  public func echoUser(_ user: User?, context: DubboServerContext) async throws -> User? {
    user
  }
}
