/// A Dubbo service as consumers and providers name it: the Java interface, version and group.
public struct DubboServiceDescriptor: Hashable, Sendable, CustomStringConvertible {
  /// The fully qualified Java interface name, for example `org.apache.dubbo.sample.GreeterService`.
  public var interface: String
  /// The service version; `nil` for none (Java sends `0.0.0`).
  public var version: String?
  /// The service group; `nil` for none.
  public var group: String?

  /// Creates a descriptor; empty strings and Java's `0.0.0` mean "no version".
  public init(interface: String, version: String? = nil, group: String? = nil) {
    self.interface = interface
    self.version = Self.normalizedVersion(version)
    self.group = group?.isEmpty == false ? group : nil
  }

  /// The version as the request body carries it: the version, or `0.0.0` when there is none.
  public var wireVersion: String { version ?? "0.0.0" }

  /// Java's service key, `group/interface:version`, leaving out an absent group or version.
  public var serviceKey: String {
    var key = interface
    if let group { key = "\(group)/\(key)" }
    if let version { key += ":\(version)" }
    return key
  }

  /// The service key.
  public var description: String { serviceKey }

  static func normalizedVersion(_ version: String?) -> String? {
    guard let version, !version.isEmpty, version != "0.0.0", version != "*" else { return nil }
    return version
  }
}
