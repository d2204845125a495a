import ArgumentParser
import Dubbo
import DubboHessian
import GreeterAPI
import Logging
import ServiceLifecycle
import UnixSignals

@main
struct GreeterProvider: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "greeter-provider",
    abstract: "Exports org.apache.dubbo.samples.helloworld.Greeter (protobuf) over the Dubbo protocol.",
    discussion: "SIGTERM or SIGINT (Ctrl-C) shuts the provider down gracefully: calls in flight finish first."
  )

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on.")
  var port = 20880

  func run() async throws {
    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    let logger = Logger(label: "greeter-provider")
    let server = DubboServer(configuration: .init(host: host, port: port), services: [Greeter()], logger: logger)
    let group = ServiceGroup(
      configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    )
    try await group.run()
  }
}

/// The Greeter service: `Helloworld_Greeter` is generated from helloworld.proto.
///
/// The provider answers in the serialization each call arrives in: protobuf from consumers that
/// keep the service's default, hessian2 from those that ask for it.
struct Greeter: Helloworld_Greeter.SimpleServiceProtocol {
  /// "Hello" in the languages the greeter speaks.
  static let greetings = ["en": "Hello", "fr": "Bonjour", "es": "Hola", "de": "Hallo", "ja": "こんにちは", "zh": "你好"]

  func sayHello(request: Helloworld_HelloRequest) async throws -> Helloworld_HelloReply {
    let language = request.language.isEmpty ? "en" : request.language
    guard let hello = Self.greetings[language] else {
      throw JavaThrowable(
        className: "java.lang.IllegalArgumentException",
        message: "no greeting in '\(language)'; try one of \(Self.greetings.keys.sorted().joined(separator: ", "))"
      )
    }
    return .with {
      $0.message = "\(hello), \(request.name)"
      $0.language = language
    }
  }
}
