import Dubbo
import DubboHessian
import DubboZooKeeper

/// A provider process for the tests that kill one: it exports ``ProviderNameService`` under the given
/// name, registers it in the given ZooKeeper registry, and serves until it is killed.
///
/// Usage: `ZooKeeperTestProvider <registry URL> <provider name>`.
@main
enum ZooKeeperTestProvider {
  static func main() async throws {
    let arguments = CommandLine.arguments
    guard arguments.count == 3 else {
      throw DubboError(status: .clientError, message: "usage: ZooKeeperTestProvider <registry URL> <provider name>")
    }
    let registry = try ZooKeeperRegistry(url: DubboURL(parsing: arguments[1]))
    var configuration = DubboServer.Configuration(host: "127.0.0.1", port: 0)
    configuration.registration = .init(registry: registry, application: "zookeeper-test-provider")
    let server = DubboServer(configuration: configuration, services: [ProviderNameProvider(name: arguments[2])])
    try await server.serve()
  }
}

/// `org.apache.dubbo.test.ProviderNameService`: `String name(String note)` answers the provider's name.
public enum ProviderNameService {
  /// The service.
  public static let descriptor = DubboServiceDescriptor(interface: "org.apache.dubbo.test.ProviderNameService")
  /// `String name(String note)`.
  public static let name = DubboMethod(
    name: "name",
    parameterTypes: [.object("java.lang.String")],
    returnType: .object("java.lang.String"),
    arguments: DubboArgumentList<String>.self,
    result: String.self
  )
}

/// Answers ``ProviderNameService/name`` with its name, after 2 ms (a call that takes a moment, so that
/// some are in flight when the process is killed).
struct ProviderNameProvider: DubboServiceProvider {
  let name: String

  var serviceDescriptor: DubboServiceDescriptor { ProviderNameService.descriptor }

  func registerMethods(with router: inout DubboMethodRouter) {
    router.register(ProviderNameService.name) { _, _ in
      try await Task.sleep(for: .milliseconds(2))
      return name
    }
  }
}
