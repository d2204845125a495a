import ArgumentParser

/// The `dubbo` command-line tool: call services (`call`), look into registries (`list`,
/// `describe`), and read and write Hessian payloads (`hessian`).
@main
struct DubboCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dubbo",
    abstract: "Tools for Apache Dubbo services, byte-compatible with Java Dubbo.",
    discussion: """
      Examples:
        dubbo call dubbo://127.0.0.1:20880 \\
            org.apache.dubbo.sample.GreeterService.sayHello '"world"'
        dubbo list zookeeper://127.0.0.1:2181
        dubbo describe zookeeper://127.0.0.1:2181 \\
            org.apache.dubbo.sample.user.UserService
        dubbo hessian decode --stream body.bin
      """,
    subcommands: [CallCommand.self, ListCommand.self, DescribeCommand.self, HessianCommand.self]
  )
}
