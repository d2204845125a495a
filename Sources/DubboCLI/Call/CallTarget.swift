import Dubbo
import DubboZooKeeper
import Logging

/// Where `dubbo call` finds the provider: `dubbo://host:port` directly, or a registry URL such as
/// `zookeeper://127.0.0.1:2181`.
enum CallTarget {
  /// A provider at a known address.
  case direct(DubboURL)
  /// The providers a registry lists.
  case registry(DubboURL)

  /// Reads a target.
  /// - Throws: ``CommandFailure`` for text that is no URL or whose scheme is neither `dubbo` nor
  ///   a registry's.
  init(_ text: String) throws {
    let url: DubboURL
    do {
      url = try DubboURL(parsing: text.contains("://") ? text : "dubbo://" + text)
    } catch {
      throw CommandFailure("the target \(text) is not a URL: \(error)")
    }
    if url.scheme == "dubbo" {
      self = .direct(url)
    } else if DubboRegistryFactory.standard.schemes.contains(url.scheme) {
      self = .registry(url)
    } else {
      throw CommandFailure(
        "the target \(text) is neither dubbo://host:port nor a registry (\(DubboRegistryFactory.standard.schemes.map { "\($0)://" }.joined(separator: ", ")))"
      )
    }
  }

  /// The providers of `service`: the one address, or a registry subscription.
  /// - Returns: the directory, and what to close once the call is over.
  func directory(
    for service: DubboServiceDescriptor,
    logger: Logger
  ) async throws -> (DubboProviderDirectory, close: @Sendable () async -> Void) {
    switch self {
    case .direct(let url):
      var provider = url
      provider.port = provider.port ?? 20880
      provider.path = service.interface
      return (DubboProviderDirectory(providers: [provider]), {})
    case .registry(let url):
      let registry = try DubboRegistryFactory.standard.makeRegistry(url: url, logger: logger)
      do {
        let directory = try await DubboProviderDirectory.subscribing(
          to: registry,
          consumer: .consumer(service: service, application: DubboCLIDefaults.application),
          registersConsumer: false,
          logger: logger
        )
        return (
          directory,
          {
            await directory.close()
            await registry.close()
          }
        )
      } catch {
        await registry.close()
        throw error
      }
    }
  }
}
