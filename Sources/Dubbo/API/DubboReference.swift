import Foundation

/// What a consumer needs to call one service on one provider: its address, the service, and the
/// defaults of its calls. The counterpart of Java's `ReferenceConfig` with a direct `url`.
public struct DubboReference: Sendable {
  /// The provider's host.
  public var host: String
  /// The provider's port.
  public var port: Int
  /// The service to call.
  public var service: DubboServiceDescriptor
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

  /// Creates a reference.
  public init(
    host: String,
    port: Int = 20880,
    service: DubboServiceDescriptor,
    serialization: DubboSerializationID = .hessian2,
    timeout: Duration = .milliseconds(1000),
    attachments: DubboAttachments = DubboAttachments()
  ) {
    self.host = host
    self.port = port
    self.service = service
    self.serialization = serialization
    self.timeout = timeout
    self.methodTimeouts = [:]
    self.methodSerializations = [:]
    self.attachments = attachments
    self.payloadLimit = nil
  }

  /// Creates a reference from a direct URL such as
  /// `dubbo://127.0.0.1:20880/org.apache.dubbo.sample.GreeterService?version=1.0.0&timeout=3000`.
  ///
  /// Reads `version`, `group`, `timeout`, `payload` (0 or less for none), `serialization` and `prefer.serialization` (its first
  /// entry this runtime supports wins over `serialization`, as in Java; a list of only unsupported
  /// names such as `fastjson2` leaves `serialization`, else hessian2, which every provider accepts),
  /// and `<method>.timeout` /
  /// `<method>.serialization` for single methods.
  /// - Throws: ``DubboURLError`` for a URL without a service path or with unknown values.
  public init(url: DubboURL, serializations: DubboSerializationRegistry = .default) throws(DubboURLError) {
    guard !url.path.isEmpty else { throw DubboURLError(url.description, "the service interface (path) is missing") }
    let service = DubboServiceDescriptor(
      interface: url.parameters["interface"] ?? url.path,
      version: url.parameters["version"],
      group: url.parameters["group"]
    )
    self.init(host: url.host, port: url.port ?? 20880, service: service)
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
    if let payload = url.parameters["payload"] {
      guard let limit = Int(payload) else {
        throw DubboURLError(url.description, "payload '\(payload)' is not a number of bytes")
      }
      payloadLimit = limit > 0 ? limit : .max
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

  /// The address, `host:port`.
  public var address: String { "\(host):\(port)" }
}
