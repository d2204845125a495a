import ArgumentParser
import Dubbo

/// `dubbo list`: the services a registry holds and how many providers each has.
struct ListCommand: NetworkCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List the services in a registry, with their provider counts.",
    discussion: """
      Every version and group of a service counts. `dubbo describe` shows the providers.

      Example:
        dubbo list zookeeper://127.0.0.1:2181
      """
  )

  @OptionGroup var registry: RegistryOptions

  func run(streams: StandardStreams) async throws {
    let rows = try await registry.ask { registry in
      var rows: [(String, Int)] = []
      for interface in try await registry.services() {
        rows.append((interface, try await registry.lookup(RegistryOptions.everyProvider(of: interface)).count))
      }
      return rows
    }
    guard !rows.isEmpty else {
      try streams.writeOutput(Array("No services in \(registry.registry).\n".utf8))
      return
    }
    let width = rows.map(\.0.count).max()!
    let lines = rows.map { interface, count in
      interface + String(repeating: " ", count: width - interface.count + 2)
        + "\(count) provider\(count == 1 ? "" : "s")"
    }
    try streams.writeOutput(Array((lines.joined(separator: "\n") + "\n").utf8))
  }
}
