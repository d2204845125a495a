import Foundation

/// A Dubbo URL, as Java's `org.apache.dubbo.common.URL` parses and prints it:
/// `protocol://[username[:password]@]host[:port][/path][?key=value&…]`.
///
/// Consumers use one to reach a provider directly
/// (`dubbo://127.0.0.1:20880/org.apache.dubbo.sample.GreeterService?version=1.0.0&group=g`); the
/// registry describes providers with the same model. Parameter values are kept as written (Java
/// does not percent-decode them here); ``description`` prints the parameters sorted by key, as
/// Java's `toFullString` does.
public struct DubboURL: Hashable, Sendable, CustomStringConvertible {
  /// The protocol, `dubbo` for this runtime.
  public var scheme: String
  /// The user name, if any.
  public var username: String?
  /// The password, if any.
  public var password: String?
  /// The host name or address; an IPv6 address without the brackets the URL writes it in.
  public var host: String
  /// The port; `nil` when the URL has none.
  public var port: Int?
  /// The path without its leading slash: the service interface for service URLs.
  public var path: String
  /// The query parameters.
  public var parameters: [String: String]

  /// Creates a URL.
  public init(
    scheme: String = "dubbo",
    username: String? = nil,
    password: String? = nil,
    host: String,
    port: Int? = nil,
    path: String = "",
    parameters: [String: String] = [:]
  ) {
    self.scheme = scheme
    self.username = username
    self.password = password
    self.host = host
    self.port = port
    self.path = path
    self.parameters = parameters
  }

  /// Parses a URL the way Java's `URL.valueOf` does.
  /// - Throws: ``DubboURLError`` when the scheme, host or port is missing or malformed.
  public init(parsing text: String) throws(DubboURLError) {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces))
    guard !rest.isEmpty else { throw DubboURLError(text, "the URL is empty") }
    if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
    var parameters: [String: String] = [:]
    if let query = rest.firstIndex(of: "?") {
      for pair in rest[rest.index(after: query)...].split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard let key = parts.first, !key.isEmpty else { continue }
        parameters[String(key)] = parts.count > 1 ? String(parts[1]) : String(key)
      }
      rest = rest[..<query]
    }
    guard let schemeEnd = rest.range(of: "://") else {
      throw DubboURLError(text, "the scheme is missing (expected protocol://host:port)")
    }
    let scheme = String(rest[..<schemeEnd.lowerBound])
    guard !scheme.isEmpty else { throw DubboURLError(text, "the scheme is empty") }
    rest = rest[schemeEnd.upperBound...]
    var path = ""
    if let slash = rest.firstIndex(of: "/") {
      path = String(rest[rest.index(after: slash)...])
      rest = rest[..<slash]
    }
    var username: String?
    var password: String?
    if let at = rest.lastIndex(of: "@") {
      let credentials = rest[..<at]
      if let colon = credentials.firstIndex(of: ":") {
        username = String(credentials[..<colon])
        password = String(credentials[credentials.index(after: colon)...])
      } else {
        username = String(credentials)
      }
      rest = rest[rest.index(after: at)...]
    }
    var port: Int?
    if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
      let portText = rest[rest.index(after: colon)...]
      guard let value = Int(portText), (0...65535).contains(value) else {
        throw DubboURLError(text, "'\(portText)' is not a port number")
      }
      port = value
      rest = rest[..<colon]
    }
    // An IPv6 literal is written in brackets (`[::1]:20880`); the host is the address itself, which
    // is what a resolver or `connect` expects. ``address`` puts the brackets back.
    if rest.hasPrefix("["), rest.hasSuffix("]") { rest = rest.dropFirst().dropLast() }
    guard !rest.isEmpty else { throw DubboURLError(text, "the host is missing") }
    self.init(
      scheme: scheme,
      username: username,
      password: password,
      host: String(rest),
      port: port,
      path: path,
      parameters: parameters
    )
  }

  /// `host:port`, or the host alone when there is no port; an IPv6 host is put in brackets
  /// (`[::1]:20880`).
  public var address: String {
    let host = self.host.contains(":") ? "[\(self.host)]" : self.host
    return port.map { "\(host):\($0)" } ?? host
  }

  /// The URL with its parameters sorted by key.
  public var description: String {
    var text = "\(scheme)://"
    if let username {
      text += username
      if let password { text += ":\(password)" }
      text += "@"
    }
    text += address
    if !path.isEmpty { text += "/\(path)" }
    if !parameters.isEmpty {
      text += "?" + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }
    return text
  }

  /// The value of a parameter for one method: `<method>.<key>` when present, else `<key>`.
  public func methodParameter(_ method: String, _ key: String) -> String? {
    parameters["\(method).\(key)"] ?? parameters[key]
  }
}

/// A URL that cannot be parsed.
public struct DubboURLError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text that was parsed.
  public var url: String
  /// What is wrong with it.
  public var reason: String

  init(_ url: String, _ reason: String) {
    self.url = url
    self.reason = reason
  }

  /// The URL and the reason.
  public var description: String { "Invalid Dubbo URL '\(url)': \(reason)" }
}
