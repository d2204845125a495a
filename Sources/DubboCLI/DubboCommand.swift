import ArgumentParser

/// The `dubbo` command-line tool: call services (`call`), look into registries (`list`,
/// `describe`), and read and write Hessian payloads (`hessian`).
@main
struct DubboCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dubbo",
    abstract: "Tools for Apache Dubbo services, byte-compatible with Java Dubbo.",
    subcommands: [CallCommand.self, ListCommand.self, DescribeCommand.self, HessianCommand.self]
  )
}
