import ArgumentParser
import Dubbo
import GreeterAPI

@main
struct GreeterConsumer: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "greeter-consumer",
    abstract: "Calls org.apache.dubbo.samples.helloworld.Greeter (protobuf) and prints each call."
  )

  @Option(help: "The provider, as host:port.")
  var provider = "127.0.0.1:20880"

  @Option(help: "The name to greet.")
  var name = "world"

  func run() async throws {
    guard let colon = provider.lastIndex(of: ":"), let port = Int(provider[provider.index(after: colon)...]) else {
      throw ValidationError("--provider takes host:port, not '\(provider)'")
    }
    let reference = Helloworld_Greeter.reference(host: String(provider[..<colon]), port: port)
    print("\(reference.service.serviceKey) at \(provider) (protobuf)")
    print()
    try await withDubboClient { client in
      let greeter = Helloworld_Greeter.Client(client: client, reference: reference)
      for language in ["en", "fr", "ja", "tlh"] {
        try await sayHello(
          greeter,
          .with {
            $0.name = name
            $0.language = language
          })
      }
      // The same call, serialized with hessian2 instead: the provider answers in kind.
      var hessian2 = DubboCallOptions()
      hessian2.serialization = .hessian2
      try await sayHello(greeter, .with { $0.name = name }, options: hessian2)
    }
  }

  /// Calls `HelloReply sayHello(HelloRequest request)` and prints the request and the reply, or
  /// the Java exception the provider threw.
  private func sayHello(
    _ greeter: Helloworld_Greeter.Client,
    _ request: Helloworld_HelloRequest,
    options: DubboCallOptions = DubboCallOptions()
  ) async throws {
    let serialization = options.serialization == .hessian2 ? "hessian2" : "protobuf"
    print("● HelloReply sayHello(HelloRequest request), as \(serialization)")
    print("    request = HelloRequest { \(request.oneLineTextFormat) }")
    do {
      let reply = try await greeter.sayHello(request, options: options)
      print("  → HelloReply { \(reply.oneLineTextFormat) }")
    } catch let error as DubboError where error.exception != nil {
      let exception = error.exception!
      print("  ✗ threw \(exception.className)" + (exception.message.map { ": \($0)" } ?? ""))
    }
    print()
  }
}
