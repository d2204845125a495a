import ArgumentParser

/// The `dubbo` command-line tool: one subcommand per area of work (`hessian` for now; `call`,
/// `list` and `describe` join it as they are built).
@main
struct DubboCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dubbo",
    abstract: "Tools for Apache Dubbo services, byte-compatible with Java Dubbo.",
    subcommands: [HessianCommand.self]
  )
}
