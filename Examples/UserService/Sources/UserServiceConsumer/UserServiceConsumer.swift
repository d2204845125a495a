import ArgumentParser
import Dubbo
import DubboZooKeeper
import SampleServices

@main
struct UserServiceConsumer: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user-service-consumer",
    abstract: """
      Calls org.apache.dubbo.sample.GreeterService and org.apache.dubbo.sample.user.UserService and \
      prints each call: the Java method, the arguments and the result.
      """
  )

  @Option(help: "The provider, as host:port or a dubbo:// URL (of which the host and port are used).")
  var provider = "127.0.0.1:20880"

  @Option(
    help: """
      A registry to find the providers in instead of --provider, such as zookeeper://127.0.0.1:2181.
      """
  )
  var registry: String?

  func run() async throws {
    let registry = try self.registry.map { try DubboRegistryFactory.standard.makeRegistry(url: DubboURL(parsing: $0)) }
    let greeterReference: DubboReference
    let usersReference: DubboReference
    if let registry {
      greeterReference = Sample_GreeterService.reference(
        directory: try await Self.directory(of: Sample_GreeterService.descriptor, in: registry))
      usersReference = Users_UserService.reference(
        directory: try await Self.directory(of: Users_UserService.descriptor, in: registry))
    } else {
      let (host, port) = try providerAddress()
      greeterReference = Sample_GreeterService.reference(host: host, port: port)
      usersReference = Users_UserService.reference(host: host, port: port)
    }
    try await withDubboClient { client in
      try await callGreeterService(Sample_GreeterService.Client(client: client, reference: greeterReference))
      try await callUserService(Users_UserService.Client(client: client, reference: usersReference))
    }
    for reference in [greeterReference, usersReference] { await reference.directory.close() }
    await registry?.close()
  }

  /// The providers of `service` that `registry` lists, following changes.
  private static func directory(
    of service: DubboServiceDescriptor,
    in registry: any DubboRegistry
  ) async throws -> DubboProviderDirectory {
    try await DubboProviderDirectory.subscribing(
      to: registry,
      consumer: .consumer(service: service, application: "user-service-consumer")
    )
  }

  /// `String sayHello(String name)`, `User getUser(String id)`, `User echoUser(User u)`.
  private func callGreeterService(_ greeter: Sample_GreeterService.Client) async throws {
    printHeader(greeter.reference)

    let hello = Sample_SayHelloRequest.with { $0.name = "world" }
    try await printCall(Sample_GreeterService.Method.sayHello, ["name": quoted(hello.name)]) {
      try await greeter.sayHello(hello).message
    } describe: {
      quoted($0)
    }

    let userID = Sample_GetUserRequest.with { $0.id = "7" }
    try await printCall(Sample_GreeterService.Method.getUser, ["id": quoted(userID.id)]) {
      try await greeter.getUser(userID)
    } describe: {
      $0.javaDescription
    }

    let user = Sample_User.with {
      $0.id = "42"
      $0.name = "Zoë 🚀"
      $0.age = 30
    }
    try await printCall(Sample_GreeterService.Method.echoUser, ["u": user.javaDescription]) {
      try await greeter.echoUser(user)
    } describe: {
      $0.javaDescription
    }
  }

  /// Every method of UserService: several arguments, an enum, BigDecimal, a POJO with nested
  /// objects, lists, a map, a Date and null wrappers, an overload, no arguments, a String result
  /// and a Java exception.
  private func callUserService(_ users: Users_UserService.Client) async throws {
    printHeader(users.reference)

    let grace = Users_UserIdRequest.with { $0.id = 1 }
    try await printCall(Users_UserService.Method.findByID, ["id": "\(grace.id)L"]) {
      try await users.findByID(grace)
    } describe: {
      $0.javaDescription
    }

    let registration = Users_RegisterRequest.with {
      $0.name = "Ada Lovelace"
      $0.role = .member
      $0.initialBalance = "1815.12"
    }
    let registered = try await printCall(
      Users_UserService.Method.register,
      [
        "name": quoted(registration.name),
        "role": registration.role.javaName,
        "initialBalance": "new BigDecimal(\"\(registration.initialBalance)\")",
      ]
    ) {
      try await users.register(registration)
    } describe: {
      $0.javaDescription
    }
    guard var ada = registered else { return }

    ada.age = 36
    ada.nickname = .init("Enchantress of Numbers")
    ada.address = .with {
      $0.street = "12 St James's Square"
      $0.city = "London"
      $0.country = "GB"
    }
    ada.tags = ["mathematics", "analytical engine"]
    ada.preferences = ["notation": "Bernoulli", "language": "English"]
    try await printCall(Users_UserService.Method.update, ["profile": ada.javaDescription]) {
      try await users.update(ada)
    } describe: {
      $0.javaDescription
    }

    let byName = Users_UserNameRequest.with { $0.name = "Ada Lovelace" }
    try await printCall(Users_UserService.Method.findByName, ["name": quoted(byName.name)]) {
      try await users.findByName(byName)
    } describe: {
      $0.javaSummary
    }

    try await printCall(Users_UserService.Method.listUsers, [:], returning: "List<UserProfile>") {
      try await users.listUsers(Users_Empty()).users
    } describe: {
      "[\n  " + $0.map(\.javaSummary).joined(separator: ",\n  ") + "\n]"
    }

    let adaID = Users_UserIdRequest.with { $0.id = ada.id }
    try await printCall(Users_UserService.Method.describe, ["id": "\(adaID.id)L"]) {
      try await users.describe(adaID).text
    } describe: {
      quoted($0)
    }

    let nobody = Users_UserIdRequest.with { $0.id = 99 }
    try await printCall(Users_UserService.Method.findByID, ["id": "\(nobody.id)L"]) {
      try await users.findByID(nobody)
    } describe: {
      $0.javaDescription
    }
  }

  /// The provider's host and port, from `--provider`.
  private func providerAddress() throws -> (host: String, port: Int) {
    if provider.contains("://") {
      let url: DubboURL
      do {
        url = try DubboURL(parsing: provider)
      } catch {
        throw ValidationError("\(error)")
      }
      return (url.host, url.port ?? 20880)
    }
    guard let colon = provider.lastIndex(of: ":"), let port = Int(provider[provider.index(after: colon)...]) else {
      throw ValidationError("--provider takes host:port or a dubbo:// URL, not '\(provider)'")
    }
    return (String(provider[..<colon]), port)
  }
}

extension Users_UserProfile {
  /// The id, name and role, as `UserProfile{id=1, name="Grace Hopper", role=ADMIN, …}`.
  fileprivate var javaSummary: String {
    "UserProfile{id=\(id), name=\(quoted(name)), role=\(role.javaName), …}"
  }
}
