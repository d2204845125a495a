import ArgumentParser
import Dubbo
import DubboZooKeeper

/// The registry a command looks into, opened for one question and closed after it.
struct RegistryOptions: ParsableArguments {
  @Argument(help: "The registry, such as zookeeper://127.0.0.1:2181.")
  var registry: String

  @Flag(help: "Log what the registry client does.")
  var verbose = false

  /// Opens the registry, asks `question`, and closes it.
  /// - Throws: ``CommandFailure`` for a URL that names no registry this tool knows, or when the
  ///   registry does not answer.
  func ask<Answer: Sendable>(_ question: (any DubboRegistry) async throws -> Answer) async throws -> Answer {
    let url: DubboURL
    do {
      url = try DubboURL(parsing: registry)
    } catch {
      throw CommandFailure("the registry \(registry) is not a URL: \(error)")
    }
    let opened: any DubboRegistry
    do {
      opened = try DubboRegistryFactory.standard.makeRegistry(
        url: url, logger: DubboCLIDefaults.logger(verbose: verbose))
    } catch {
      throw CommandFailure("cannot use the registry \(registry): \(error)")
    }
    do {
      let answer = try await question(opened)
      await opened.close()
      return answer
    } catch {
      await opened.close()
      throw CommandFailure("the registry \(registry) did not answer: \(error)")
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
