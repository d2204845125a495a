import ArgumentParser
import Dubbo
import DubboZooKeeper
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

  @Option(
    help: """
      A registry to publish the services in, such as zookeeper://127.0.0.1:2181; consumers then \
      find the provider there.
      """
  )
  var registry: String?

  func run() async throws {
    LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
    let logger = Logger(label: "user-service-provider")
    var configuration = DubboServer.Configuration(host: host, port: port)
    let registryInUse = try registry.map {
      try DubboRegistryFactory.standard.makeRegistry(url: DubboURL(parsing: $0), logger: logger)
    }
    if let registryInUse {
      configuration.registration = .init(registry: registryInUse, application: "user-service-provider")
    }
    let server = DubboServer(configuration: configuration, services: [Greeter(), UserDirectory()], logger: logger)
    let group = ServiceGroup(
      configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
    )
    try await group.run()
    await registryInUse?.close()
  }
}
