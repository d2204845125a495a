import Dubbo
import DubboZooKeeper
import Foundation
import InteropSupport
import NIOConcurrencyHelpers
import Testing
import ZooKeeperTestProvider

/// Provider processes found through ZooKeeper, one of them killed while calls are under way.
@Suite("Provider processes killed under load")
struct ProviderProcessFailoverTests {
  /// What the load saw.
  struct Load {
    var served: [String: Int] = [:]
    var failures: [String] = []
  }

  @Test("calls fail over from a killed provider to the live one; its node goes when its session expires")
  func killedProviderFailsOver() async throws {
    try await requireSharedZooKeeper()
    let provider = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("ZooKeeperTestProvider")
    try #require(FileManager.default.isExecutableFile(atPath: provider.path), "\(provider.path) is not built")
    // A root of its own, and the shortest session the server grants (2 ticks of 2 s).
    let root = "dubbo-kill-\(UUID().uuidString.prefix(8))"
    let registryURL = try registryURL(sharedZooKeeper, "group=\(root)&session=4000&timeout=10000")

    try await withResources { resources in
      let pids = NIOLockedValueBox<[String: pid_t]>([:])
      let providers = Task {
        try await withThrowingTaskGroup(of: ChildProcessResult.self) { group in
          for name in ["doomed", "survivor"] {
            group.addTask {
              try await ChildProcess.run(provider, [registryURL.description, name], timeout: .seconds(180)) { pid in
                pids.withLockedValue { $0[name] = pid }
              }
            }
          }
          return try await group.reduce(into: []) { $0.append($1) }
        }
      }
      defer { for pid in pids.withLockedValue({ Array($0.values) }) { kill(pid, SIGKILL) } }

      let directory = try await DubboProviderDirectory.subscribing(
        to: try resources.registry(registryURL),
        consumer: .consumer(service: ProviderNameService.descriptor, application: "kill-test")
      )
      try await eventually("both providers registered", timeout: .seconds(60)) { directory.providers.count == 2 }
      let reference = DubboReference(
        service: ProviderNameService.descriptor, directory: directory, timeout: .seconds(5))

      let load = NIOLockedValueBox(Load())
      let stop = NIOLockedValueBox(false)
      let callers = Task {
        try await withDubboClient { client in
          await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
              group.addTask {
                while !stop.withLockedValue({ $0 }) {
                  do {
                    let name = try await client.call(
                      ProviderNameService.name, arguments: .init("hi"), reference: reference
                    ).value
                    load.withLockedValue { $0.served[name, default: 0] += 1 }
                  } catch {
                    load.withLockedValue { $0.failures.append("\(error)") }
                  }
                }
              }
            }
          }
        }
      }
      try await eventually("the doomed provider serving") {
        load.withLockedValue { $0.served["doomed", default: 0] } >= 50
      }
      let doomed = try #require(pids.withLockedValue { $0["doomed"] })
      kill(doomed, SIGKILL)
      let servedAtKill = load.withLockedValue { $0.served["survivor", default: 0] }
      try await Task.sleep(for: .seconds(1))
      stop.withLockedValue { $0 = true }
      try await callers.value

      let seen = load.withLockedValue { $0 }
      #expect(seen.failures.isEmpty, "failed calls: \(seen.failures.prefix(5))")
      #expect(seen.served["survivor", default: 0] > servedAtKill + 50)
      try await eventually("the killed provider's node removed at its session's expiry", timeout: .seconds(30)) {
        directory.providers.count == 1
      }
      await directory.close()
      if let survivor = pids.withLockedValue({ $0["survivor"] }) { kill(survivor, SIGTERM) }
      let results = try await providers.value
      #expect(results.filter(\.wasKilled).count == 2, "one killed, one terminated")
    }
  }
}
