import Logging

/// Makes registries from registry URLs, by scheme: `zookeeper://127.0.0.1:2181` needs a factory
/// with the `zookeeper` scheme, which the `DubboZooKeeper` module adds
/// (`DubboRegistryFactory.standard`).
public struct DubboRegistryFactory: Sendable {
  /// Makes the registry a URL names.
  public typealias Maker = @Sendable (_ url: DubboURL, _ logger: Logger) throws -> any DubboRegistry

  private var makers: [String: Maker]

  /// Creates a factory knowing the given schemes.
  public init(makers: [String: Maker] = [:]) {
    self.makers = makers
  }

  /// This factory, also knowing `scheme`.
  public func adding(scheme: String, _ maker: @escaping Maker) -> DubboRegistryFactory {
    var factory = self
    factory.makers[scheme] = maker
    return factory
  }

  /// The schemes this factory knows, sorted.
  public var schemes: [String] { makers.keys.sorted() }

  /// Makes the registry `url` names.
  ///
  /// Registries publish and follow services interface by interface (Java's
  /// `register-mode=interface`, the layout every Java and dubbo-go version reads); a URL asking
  /// for application-level discovery (`register-mode=instance` or `all`) is refused.
  /// - Throws: ``DubboURLError`` when no maker knows the URL's scheme or the URL asks for another
  ///   registry mode; whatever the maker throws.
  public func makeRegistry(url: DubboURL, logger: Logger = Logger(label: "dubbo.registry")) throws -> any DubboRegistry
  {
    if let mode = url.parameters["register-mode"], mode != "interface" {
      throw DubboURLError(
        url.description,
        "register-mode '\(mode)' needs application-level discovery, which is not supported; use 'interface'"
      )
    }
    guard let maker = makers[url.scheme] else {
      let known = schemes.isEmpty ? "none" : schemes.joined(separator: ", ")
      throw DubboURLError(url.description, "no registry for the scheme '\(url.scheme)' (known: \(known))")
    }
    return try maker(url, logger)
  }
}
