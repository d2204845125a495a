import ArgumentParser
import Dubbo
import GreeterService
import Logging
import ServiceLifecycle
import UnixSignals

@main
struct GreeterProvider: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "greeter-provider",
    abstract: "Exports org.apache.dubbo.sample.GreeterService over the Dubbo protocol."
  )

  @Option(help: "The address to listen on.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on.")
  var port = 20880

  func run() async throws {
    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    let logger = Logger(label: "greeter-provider")
    let server = DubboServer(
      configuration: .init(host: host, port: port),
      services: [Greeter()],
      logger: logger
    )
    let group = ServiceGroup(
      configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    )
    try await group.run()
  }
}
