import SampleServices

/// `org.apache.dubbo.sample.GreeterService`, as Dubbo's Java sample implements it.
///
/// `Sample_GreeterService` is generated from greeter.proto; a provider implements the Java
/// methods with the request and reply messages, and the generated code turns them into the Java
/// parameters and return values (`String sayHello(String name)`).
struct Greeter: Sample_GreeterService.SimpleServiceProtocol {
  /// `"Hello, " + name`.
  func sayHello(request: Sample_SayHelloRequest) async throws -> Sample_SayHelloReply {
    .with { $0.message = "Hello, " + request.name }
  }

  /// A user named after its id, aged 42.
  func getUser(request: Sample_GetUserRequest) async throws -> Sample_User {
    .with {
      $0.id = request.id
      $0.name = "user-" + request.id
      $0.age = 42
    }
  }

  /// The user, unchanged.
  func echoUser(request: Sample_User) async throws -> Sample_User {
    request
  }
}
