import Foundation
import NIOCore

extension DubboURL {
  /// The URL a provider registers for one exported service, with Java Dubbo's standard provider
  /// parameters: `anyhost`, `application`, `deprecated=false`, `dubbo=2.0.2`, `dynamic=true`,
  /// `generic=false`, `interface`, `methods` (sorted, comma-separated), `pid`, `release`,
  /// `side=provider`, `timestamp`, and `version`/`group` when the service has them.
  ///
  /// - Parameters:
  ///   - service: the exported service.
  ///   - host: the address consumers connect to.
  ///   - port: the port the server listens on.
  ///   - isAnyHost: whether the server is bound to every interface (`anyhost=true`).
  ///   - application: the provider's application name.
  ///   - methods: the Java names of the service's methods.
  ///   - parameters: more parameters (`weight`, `warmup`, `serialization`,
  ///     `prefer.serialization`, `timeout`, …); they win over the standard ones.
  ///   - timestamp: the registration time in milliseconds since 1970 (load balancers warm a new
  ///     provider up from it).
  public static func provider(
    service: DubboServiceDescriptor,
    host: String,
    port: Int,
    isAnyHost: Bool = false,
    application: String,
    methods: [String],
    parameters: [String: String] = [:],
    timestamp: Int64 = DubboProviderEndpoint.currentMilliseconds()
  ) -> DubboURL {
    var all = registrationParameters(
      service: service, application: application, methods: methods, side: "provider", timestamp: timestamp)
    all["anyhost"] = String(isAnyHost)
    all["deprecated"] = "false"
    all["dynamic"] = "true"
    all["generic"] = "false"
    all.merge(parameters) { _, explicit in explicit }
    return DubboURL(scheme: "dubbo", host: host, port: port, path: service.interface, parameters: all)
  }

  /// The URL a consumer registers (under the service's `consumers` category) and subscribes
  /// with: `consumer://host/interface?application=…&category=consumers&check=false&side=consumer…`.
  public static func consumer(
    service: DubboServiceDescriptor,
    host: String = DubboURL.localHost(),
    application: String,
    methods: [String] = [],
    timestamp: Int64 = DubboProviderEndpoint.currentMilliseconds()
  ) -> DubboURL {
    var parameters = registrationParameters(
      service: service, application: application, methods: methods, side: "consumer", timestamp: timestamp)
    parameters["category"] = "consumers"
    parameters["check"] = "false"
    return DubboURL(scheme: "consumer", host: host, path: service.interface, parameters: parameters)
  }

  private static func registrationParameters(
    service: DubboServiceDescriptor,
    application: String,
    methods: [String],
    side: String,
    timestamp: Int64
  ) -> [String: String] {
    var parameters = [
      "application": application,
      "dubbo": DubboProtocolVersion.current,
      "interface": service.interface,
      "pid": String(ProcessInfo.processInfo.processIdentifier),
      "release": "",
      "side": side,
      "timestamp": String(timestamp),
    ]
    if !methods.isEmpty { parameters["methods"] = Set(methods).sorted().joined(separator: ",") }
    if let version = service.version { parameters["version"] = version }
    if let group = service.group { parameters["group"] = group }
    return parameters
  }

  /// The address this host registers, as Java's `NetUtils.getLocalHost` picks it: the first
  /// IPv4 address of an interface that is not loopback, else `127.0.0.1`.
  public static func localHost() -> String {
    let devices = (try? System.enumerateDevices()) ?? []
    for device in devices {
      guard let address = device.address, case .v4 = address, let ip = address.ipAddress, !ip.hasPrefix("127.") else {
        continue
      }
      return ip
    }
    return "127.0.0.1"
  }
}
