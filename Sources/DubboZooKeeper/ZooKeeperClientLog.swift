import Foundation
import Logging

/// The C client's log lines as swift-log messages, under the label `dubbo.zookeeper.client`.
///
/// The C client hands a line to its log callback without any context, so its lines go to one
/// logger for the process rather than to the logger of the registry whose session wrote them.
/// ``ZooKeeperRegistry`` logs what matters (connection lost and back, session expired) on its own
/// logger; the client's lines are details of that, so they are logged below the default level:
/// `ERROR` and `WARN` as debug, `INFO` and `DEBUG` as trace. (While a server is down the client
/// writes an `ERROR` line for every connection attempt, several a second.)
enum ZooKeeperClientLog {
  static let logger = Logger(label: "dubbo.zookeeper.client")

  /// Logs one line the C client wrote, of the form
  /// `<time>:<pid>(<thread>):ZOO_<LEVEL>@<function>@<line>: <message>`.
  static func log(_ line: UnsafePointer<CChar>?) {
    guard let line else { return }
    let (level, message) = parse(String(cString: line))
    logger.log(level: level, "\(message)")
  }

  /// The level and the text from `<function>@<line>` on of a C client log line.
  static func parse(_ line: String) -> (Logger.Level, Substring) {
    guard let marker = line.range(of: "):ZOO_") else { return (.debug, line[...]) }
    let rest = line[marker.upperBound...]
    let name = rest.prefix { $0 != "@" }
    let message = rest.dropFirst(name.count + 1)
    switch name {
    case "ERROR", "WARN": return (.debug, message)
    default: return (.trace, message)
    }
  }
}
