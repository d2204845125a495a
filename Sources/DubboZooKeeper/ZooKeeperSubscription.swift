import Dubbo
import Logging

/// A consumer following one service: what it has been told, and the reads under way.
struct ZooKeeperSubscription {
  let consumer: DubboURL
  let servicePath: String
  let continuation: AsyncStream<DubboRegistryNotification>.Continuation
  /// Reads are numbered as they are sent; one applies only if it is newer than the last applied
  /// (a session answers in order, so the last sent holds the latest state).
  var readsSent = 0
  var readsApplied = 0
  var lastNotification: DubboRegistryNotification?

  var providersPath: String { servicePath + "/providers" }
  var configuratorsPath: String { servicePath + "/configurators" }

  /// Whether a change of `path` concerns this subscription.
  func follows(_ path: String) -> Bool {
    path == providersPath || path == configuratorsPath
  }

  /// What the consumer may use of the children of `providers` and `configurators`: the providers
  /// ``DubboURL/isProvider(for:)`` accepts and the `override://` URLs that match the consumer,
  /// each sorted by node name. Nodes that are not encoded URLs are logged and skipped.
  func notification(providers: [String], configurators: [String], logger: Logger) -> DubboRegistryNotification {
    DubboRegistryNotification(
      providers: Self.urls(providers, under: providersPath, logger: logger).filter { $0.isProvider(for: consumer) },
      configurators: Self.urls(configurators, under: configuratorsPath, logger: logger).filter {
        Self.isConfigurator($0, for: consumer)
      }
    )
  }

  /// The URLs the nodes are named by, sorted by name.
  static func urls(_ names: [String], under path: String, logger: Logger) -> [DubboURL] {
    names.sorted().compactMap { name in
      guard let text = DubboURL.formDecode(name) else {
        logger.warning(
          "Skipping a registry node whose name is not URL-encoded", metadata: ["zookeeper.node": "\(path)/\(name)"])
        return nil
      }
      do {
        return try DubboURL(parsing: text)
      } catch {
        logger.warning(
          "Skipping a registry node whose name is not a URL",
          metadata: ["zookeeper.node": "\(path)/\(name)", "error": "\(error)"])
        return nil
      }
    }
  }

  /// Whether `url` is an `override://` URL for the consumer. Java matches configurators as it
  /// matches providers (`UrlUtils.isMatch`: interface, enabled, group, version), so this is
  /// ``DubboURL/isProvider(for:)`` on the URL seen as a provider of the consumer's protocol.
  private static func isConfigurator(_ url: DubboURL, for consumer: DubboURL) -> Bool {
    guard url.scheme == "override" else { return false }
    var provider = url
    provider.scheme = consumer.parameters["protocol"]?.split(separator: ",").first.map(String.init) ?? "dubbo"
    provider.parameters["category"] = nil
    return provider.isProvider(for: consumer)
  }
}
