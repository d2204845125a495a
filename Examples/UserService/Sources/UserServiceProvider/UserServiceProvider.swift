import ArgumentParser
import Dubbo
import Logging
import ServiceLifecycle
import UnixSignals

@main
struct UserServiceProvider: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user-service-provider",
    abstract: """
      Exports org.apache.dubbo.sample.GreeterService and org.apache.dubbo.sample.user.UserService \
      over the Dubbo protocol.
      """,
    discussion: "SIGTERM or SIGINT (Ctrl-C) shuts the provider down gracefully: calls in flight finish first."
  )

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on.")
  var port = 20880

  func run() async throws {
    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    let logger = Logger(label: "user-service-provider")
    let server = DubboServer(
      configuration: .init(host: host, port: port),
      services: [Greeter(), UserDirectory()],
      logger: logger
    )
    let group = ServiceGroup(
      configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    )
    try await group.run()
  }
}
