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
  /// - Throws: ``DubboURLError`` when no maker knows the URL's scheme; whatever the maker throws.
  public func makeRegistry(url: DubboURL, logger: Logger = Logger(label: "dubbo.registry")) throws -> any DubboRegistry
  {
    guard let maker = makers[url.scheme] else {
      let known = schemes.isEmpty ? "none" : schemes.joined(separator: ", ")
      throw DubboURLError(url.description, "no registry for the scheme '\(url.scheme)' (known: \(known))")
    }
    return try maker(url, logger)
  }
}
