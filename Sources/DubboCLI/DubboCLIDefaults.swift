import Logging

/// What the network commands share: their application name and their logger.
enum DubboCLIDefaults {
  /// The application name the commands give registries (`application`).
  static let application = "dubbo-cli"

  /// A logger writing warnings (everything with `verbose`) to standard error.
  static func logger(verbose: Bool) -> Logger {
    var logger = Logger(label: "dubbo") { StreamLogHandler.standardError(label: $0) }
    logger.logLevel = verbose ? .debug : .warning
    return logger
  }
}
