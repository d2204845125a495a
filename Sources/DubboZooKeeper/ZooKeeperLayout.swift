import Dubbo

/// Where Java Dubbo's `ZookeeperRegistry` keeps a service's URLs:
/// `<root>/<URL-encoded interface>/<category>/<URL-encoded URL>`, with the root `/dubbo` by default
/// and the categories `providers`, `consumers`, `configurators` and `routers`.
struct ZooKeeperLayout: Hashable, Sendable {
  /// Every category a service node has: Java consumers expect all of them.
  static let categories = ["providers", "consumers", "configurators", "routers"]

  /// The root node: `/` and the registry URL's `group`.
  let root: String

  /// The layout under the root a registry URL's `group` names (default `dubbo`).
  init(group: String?) {
    let group = group.flatMap { $0.isEmpty ? nil : $0 } ?? "dubbo"
    root = group.hasPrefix("/") ? group : "/" + group
  }

  /// The service node of the interface a URL names (its `interface` parameter, else its path).
  /// - Throws: ``ZooKeeperError`` when the URL names no interface, or every one (`*`).
  func servicePath(_ url: DubboURL) throws(ZooKeeperError) -> String {
    let interface = url.parameters["interface"] ?? url.path
    guard !interface.isEmpty, interface != "*" else {
      throw ZooKeeperError(
        code: .badArguments, message: "the URL \(url) does not name one service interface (its path or interface=…)")
    }
    return (root == "/" ? "" : root) + "/" + DubboURL.formEncode(interface)
  }

  /// The persistent nodes a service needs, parents first: the root and its ancestors, the service
  /// node, and its categories.
  func directories(servicePath: String) -> [String] {
    var directories: [String] = []
    var prefix = ""
    for component in servicePath.split(separator: "/") {
      prefix += "/" + component
      directories.append(prefix)
    }
    return directories + Self.categories.map { servicePath + "/" + $0 }
  }

  /// Where a registered URL goes: the node named by the encoded full URL, under its `category`
  /// (default `providers`); ephemeral unless the URL says `dynamic=false`.
  func registration(_ url: DubboURL) throws(ZooKeeperError) -> ZooKeeperRegistration {
    let servicePath = try servicePath(url)
    let category = url.parameters["category"].flatMap { $0.isEmpty ? nil : $0 } ?? "providers"
    var directories = directories(servicePath: servicePath)
    let categoryPath = servicePath + "/" + category
    if !directories.contains(categoryPath) { directories.append(categoryPath) }
    return ZooKeeperRegistration(
      path: categoryPath + "/" + DubboURL.formEncode(url.description),
      directories: directories,
      isEphemeral: url.parameters["dynamic"] != "false"
    )
  }
}

/// A registered URL's node.
struct ZooKeeperRegistration: Hashable, Sendable {
  /// The node.
  var path: String
  /// The persistent nodes above it, parents first.
  var directories: [String]
  /// Whether it goes with the session.
  var isEphemeral: Bool
}
