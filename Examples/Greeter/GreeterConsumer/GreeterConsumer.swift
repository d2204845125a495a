import ArgumentParser
import Dubbo
import GreeterService

@main
struct GreeterConsumer: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "greeter-consumer",
    abstract: "Calls org.apache.dubbo.sample.GreeterService and prints each round trip."
  )

  @Option(help: "The provider, as host:port or a dubbo:// URL.")
  var provider = "127.0.0.1:20880"

  func run() async throws {
    let url = provider.contains("://") ? provider : "dubbo://\(provider)/\(GreeterService.descriptor.interface)"
    let reference = try DubboReference(url: DubboURL(parsing: url))
    try await withDubboClient { client in
      let greeter = GreeterService.Client(client: client, reference: reference)
      print("Calling \(reference.service) at \(reference.address) (hessian2)")

      let greeting = try await greeter.sayHello(name: "world")
      print("sayHello(\"world\")  -> \(greeting)")

      let user = try await greeter.getUser(id: "7")
      print("getUser(\"7\")       -> \(describe(user))")

      let echoed = try await greeter.echoUser(User(id: "42", name: "Zoë 🚀", age: 30))
      print("echoUser(User{id: \"42\", name: \"Zoë 🚀\", age: 30}) -> \(describe(echoed))")
    }
  }

  private func describe(_ user: User?) -> String {
    guard let user else { return "null" }
    return "User{id: \(user.id.map { "\"\($0)\"" } ?? "null"), name: \(user.name.map { "\"\($0)\"" } ?? "null"), "
      + "age: \(user.age)}"
  }
}
