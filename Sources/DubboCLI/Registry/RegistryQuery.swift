import Dubbo
import DubboZooKeeper

/// A registry opened for one question and closed after it.
struct RegistryQuery {
  let url: String
  let verbose: Bool

  init(_ url: String, verbose: Bool) {
    self.url = url
    self.verbose = verbose
  }

  /// Opens the registry, asks `question`, and closes it.
  /// - Throws: ``CommandFailure`` for a URL that names no registry this tool knows, and what the
  ///   registry throws.
  func run<Answer: Sendable>(_ question: (any DubboRegistry) async throws -> Answer) async throws -> Answer {
    let parsed: DubboURL
    do {
      parsed = try DubboURL(parsing: url)
    } catch {
      throw CommandFailure("the registry \(url) is not a URL: \(error)")
    }
    let registry: any DubboRegistry
    do {
      registry = try DubboRegistryFactory.standard.makeRegistry(
        url: parsed, logger: DubboCLIDefaults.logger(verbose: verbose))
    } catch {
      throw CommandFailure("cannot use the registry \(url): \(error)")
    }
    do {
      let answer = try await question(registry)
      await registry.close()
      return answer
    } catch {
      await registry.close()
      throw CommandFailure("the registry \(url) did not answer: \(error)")
    }
  }

  /// A consumer URL that matches every provider of `interface`, of any version and group.
  static func everyProvider(of interface: String) -> DubboURL {
    DubboURL(
      scheme: "consumer",
      host: DubboURL.localHost(),
      path: interface,
      parameters: [
        "interface": interface, "version": "*", "group": "*", "category": "providers",
        "application": DubboCLIDefaults.application, "side": "consumer",
      ]
    )
  }
}
