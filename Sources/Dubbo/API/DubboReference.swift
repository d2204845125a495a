import Foundation

/// What a consumer needs to call one service: where its providers are, the service, and the
/// defaults of its calls. The counterpart of Java's `ReferenceConfig`.
public struct DubboReference: Sendable {
  /// The providers calls may go to: one address, a fixed list, or a registry's live list.
  public var directory: DubboProviderDirectory
  /// The service to call.
  public var service: DubboServiceDescriptor
  /// What a call does on failure and with several providers (`cluster`; Java's default is
  /// failover with 2 retries).
  public var cluster: DubboClusterStrategy
  /// How a call picks its provider (`loadbalance`; Java's default is weighted random).
  public var loadBalancer: any DubboLoadBalancer
  /// The serialization of requests (`serialization`; Java's default is hessian2).
  public var serialization: DubboSerializationID
  /// How long a call waits for its answer (`timeout`; Java's default is 1000 ms).
  public var timeout: Duration
  /// Per-method overrides of ``timeout`` (`<method>.timeout`).
  public var methodTimeouts: [String: Duration]
  /// Per-method serializations (`<method>.serialization`).
  public var methodSerializations: [String: DubboSerializationID]
  /// Attachments sent with every call.
  public var attachments: DubboAttachments
  /// The largest request body this reference sends (`payload`), overriding the client's limit;
  /// a larger request fails locally with ``DubboStatus/clientError``.
  public var payloadLimit: Int?
  /// Whether typed calls go out as generic `$invoke` calls, their arguments generalized and their
  /// result realized back (`generic=true`), as Java consumers call a provider that implements
  /// `GenericService` itself.
  public var isGeneric: Bool

  /// Creates a reference to the one provider at `host:port`.
  public init(
    host: String,
    port: Int = 20880,
    service: DubboServiceDescriptor,
    serialization: DubboSerializationID = .hessian2,
    timeout: Duration = .milliseconds(1000),
    attachments: DubboAttachments = DubboAttachments()
  ) {
    self.init(
      service: service,
      directory: DubboProviderDirectory(providers: [DubboURL(host: host, port: port, path: service.interface)]),
      serialization: serialization,
      timeout: timeout,
      attachments: attachments
    )
  }

  /// Creates a reference to the providers of `directory`, for example a registry's
  /// (``DubboProviderDirectory/subscribing(to:consumer:registersConsumer:firstListTimeout:logger:)``).
  public init(
    service: DubboServiceDescriptor,
    directory: DubboProviderDirectory,
    serialization: DubboSerializationID = .hessian2,
    timeout: Duration = .milliseconds(1000),
    attachments: DubboAttachments = DubboAttachments()
  ) {
    self.directory = directory
    self.service = service
    self.cluster = .failover
    self.loadBalancer = .random
    self.serialization = serialization
    self.timeout = timeout
    self.methodTimeouts = [:]
    self.methodSerializations = [:]
    self.attachments = attachments
    self.payloadLimit = nil
    self.isGeneric = false
  }

  /// Creates a reference from a direct URL such as
  /// `dubbo://127.0.0.1:20880/org.apache.dubbo.sample.GreeterService?version=1.0.0&timeout=3000`.
  ///
  /// Reads `version`, `group`, `cluster` with `retries` and `forks`, `loadbalance`, `timeout`,
  /// `payload` (0 or less for none), `generic` (`true` or `false`), `serialization` and
  /// `prefer.serialization` (its first entry this runtime supports wins over `serialization`, as in
  /// Java; a list of only unsupported names such as `fastjson2` leaves `serialization`, else
  /// hessian2, which every provider accepts), and `<method>.timeout` / `<method>.serialization`
  /// for single methods.
  /// - Throws: ``DubboURLError`` for a URL without a service path or with unknown values.
  public init(url: DubboURL, serializations: DubboSerializationRegistry = .default) throws(DubboURLError) {
    guard !url.path.isEmpty else { throw DubboURLError(url.description, "the service interface (path) is missing") }
    let service = DubboServiceDescriptor(
      interface: url.parameters["interface"] ?? url.path,
      version: url.parameters["version"],
      group: url.parameters["group"]
    )
    var provider = url
    if provider.port == nil { provider.port = 20880 }
    self.init(service: service, directory: DubboProviderDirectory(providers: [provider]))
    func serialization(named name: String) throws(DubboURLError) -> DubboSerializationID {
      guard let serialization = serializations.serialization(named: name) else {
        throw DubboURLError(url.description, "unknown serialization '\(name)'")
      }
      return serialization.id
    }
    func duration(_ text: String) throws(DubboURLError) -> Duration {
      guard let milliseconds = Int(text), milliseconds > 0 else {
        throw DubboURLError(url.description, "timeout '\(text)' is not a positive number of milliseconds")
      }
      return .milliseconds(milliseconds)
    }
    if let name = url.parameters["serialization"] { self.serialization = try serialization(named: name) }
    let preferred = url.parameters["prefer.serialization"]?.split(separator: ",").lazy
      .compactMap { serializations.serialization(named: $0.trimmingCharacters(in: .whitespaces)) }.first
    if let preferred { self.serialization = preferred.id }
    if let timeout = url.parameters["timeout"] { self.timeout = try duration(timeout) }
    func count(_ key: String, default value: Int) throws(DubboURLError) -> Int {
      guard let text = url.parameters[key] else { return value }
      guard let count = Int(text), count >= 0 else {
        throw DubboURLError(url.description, "\(key) '\(text)' is not a count")
      }
      return count
    }
    let clusterName = url.parameters["cluster"] ?? "failover"
    guard
      let cluster = DubboClusterStrategy(
        name: clusterName,
        retries: try count("retries", default: 2),
        forks: try count("forks", default: 2)
      )
    else { throw DubboURLError(url.description, "unknown cluster '\(clusterName)'") }
    self.cluster = cluster
    if let name = url.parameters["loadbalance"] {
      guard let loadBalancer = DubboLoadBalancers.named(name) else {
        throw DubboURLError(url.description, "unknown loadbalance '\(name)'")
      }
      self.loadBalancer = loadBalancer
    }
    if let payload = url.parameters["payload"] {
      guard let limit = Int(payload) else {
        throw DubboURLError(url.description, "payload '\(payload)' is not a number of bytes")
      }
      payloadLimit = limit > 0 ? limit : .max
    }
    switch url.parameters["generic"]?.lowercased() {
    case nil, "false": isGeneric = false
    case "true": isGeneric = true
    case let mode?: throw DubboURLError(url.description, "generic '\(mode)' is not supported: use true or false")
    }
    for (key, value) in url.parameters {
      guard let dot = key.lastIndex(of: ".") else { continue }
      let method = String(key[..<dot])
      switch key[key.index(after: dot)...] {
      case "timeout": methodTimeouts[method] = try duration(value)
      case "serialization" where method != "prefer": methodSerializations[method] = try serialization(named: value)
      default: continue
      }
    }
  }
}
