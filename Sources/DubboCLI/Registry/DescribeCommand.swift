import ArgumentParser
import Dubbo

/// `dubbo describe`: the providers of one service in a registry.
struct DescribeCommand: NetworkCommand {
  static let configuration = CommandConfiguration(
    commandName: "describe",
    abstract: "Show the providers of a service in a registry.",
    discussion: """
      For each provider (of every version and group): its address and protocol, version, group, \
      methods, serialization, weight and application.

      Example:
        dubbo describe zookeeper://127.0.0.1:2181 \\
            org.apache.dubbo.sample.user.UserService
      """
  )

  @OptionGroup var registry: RegistryOptions

  @Argument(help: "The service interface, such as org.apache.dubbo.sample.user.UserService.")
  var interface: String

  func run(streams: StandardStreams) async throws {
    let providers = try await registry.ask { registry in
      try await registry.lookup(RegistryOptions.everyProvider(of: interface))
    }
    guard !providers.isEmpty else {
      streams.writeError("error: \(registry.registry) has no provider of \(interface)\n")
      throw ExitCode(2)
    }
    var text = "\(interface): \(providers.count) provider\(providers.count == 1 ? "" : "s")\n"
    for provider in providers.sorted(by: { $0.address < $1.address }) {
      text += "\n  \(provider.scheme)://\(provider.address)\n"
      for (name, value) in Self.properties(of: provider) {
        text += "    " + name + String(repeating: " ", count: 15 - name.count) + value + "\n"
      }
    }
    try streams.writeOutput(Array(text.utf8))
  }

  /// What a provider URL says about the provider, with Java's defaults where it says nothing.
  static func properties(of provider: DubboURL) -> [(String, String)] {
    let parameters = provider.parameters
    let methods = parameters["methods"].map { $0.split(separator: ",").sorted().joined(separator: ", ") }
    let serialization =
      [parameters["prefer.serialization"], parameters["serialization"]].compactMap { $0 }.joined(separator: "; ")
    return [
      ("version", parameters["version"] ?? "(none)"),
      ("group", parameters["group"] ?? "(none)"),
      ("methods", methods ?? "(not listed)"),
      ("serialization", serialization.isEmpty ? "hessian2 (default)" : serialization),
      ("weight", parameters["weight"] ?? "100 (default)"),
      ("application", parameters["application"] ?? "(none)"),
      ("generic", parameters["generic"] ?? "false"),
      ("release", parameters["release"].flatMap { $0.isEmpty ? nil : $0 } ?? parameters["dubbo"] ?? "(none)"),
    ]
  }
}
