import Foundation
import InteropSupport
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// The `dubbo` program against the example provider (Examples/UserService), both running as
/// processes: called directly and found through ZooKeeper.
///
/// scripts/test.sh builds the provider and names it in `DUBBO_TEST_EXAMPLE_PROVIDER`, and starts
/// the ZooKeeper server `DUBBO_TEST_ZOOKEEPER` names.
@Suite("dubbo against the example provider", .serialized)
struct ExampleProviderTests {
  static let environment = ProcessInfo.processInfo.environment
  static let zooKeeper = environment["DUBBO_TEST_ZOOKEEPER"] ?? "127.0.0.1:2181"

  /// The `dubbo` program this build made.
  static let dubbo = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("dubbo")

  static let greeter = "org.apache.dubbo.sample.GreeterService"
  static let users = "org.apache.dubbo.sample.user.UserService"

  /// Runs the example provider on a free port (registered in `registry`, if any) while `body` runs.
  func withExampleProvider(registry: String? = nil, _ body: (Int) async throws -> Void) async throws {
    let path = try #require(
      Self.environment["DUBBO_TEST_EXAMPLE_PROVIDER"],
      "DUBBO_TEST_EXAMPLE_PROVIDER names no example provider: run scripts/test.sh, which builds it")
    let port = try LoopbackPort.free()
    let pid = Mutex<pid_t?>(nil)
    let provider = Task {
      try await ChildProcess.run(
        URL(fileURLWithPath: path),
        ["--host", "127.0.0.1", "--port", "\(port)"] + (registry.map { ["--registry", $0] } ?? []),
        timeout: .seconds(300)
      ) { started in pid.withLock { $0 = started } }
    }
    defer { pid.withLock { $0 }.map { _ = kill($0, SIGKILL) } }
    try await waitUntilListening(port: port, provider: provider)
    try await body(port)
    kill(pid.withLock { $0 }!, SIGTERM)
    let ended = try await provider.value
    #expect(ended.status == 0, "the provider did not stop cleanly:\n\(ended.output)")
  }

  private func waitUntilListening(port: Int, provider: Task<ChildProcessResult, any Error>) async throws {
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      if LoopbackPort.isListening(port) { return }
      try await Task.sleep(for: .milliseconds(100))
    }
    provider.cancel()
    throw ChildProcessError("the example provider is not listening on port \(port) after 60 s")
  }

  /// Runs `dubbo` with `arguments`.
  func dubbo(_ arguments: String...) async throws -> ChildProcessResult {
    try await ChildProcess.run(Self.dubbo, arguments, timeout: .seconds(60))
  }

  /// Runs `dubbo call` with `arguments`, waiting up to 20 s for the answer: the suite runs JVMs and
  /// servers beside it on a small machine.
  func dubboCall(_ arguments: String...) async throws -> ChildProcessResult {
    try await ChildProcess.run(Self.dubbo, ["call"] + arguments + ["--timeout", "20000"], timeout: .seconds(60))
  }

  @Test("calls made directly: strings, POJOs with their class, overloads, enums and BigDecimal by text, exceptions")
  func direct() async throws {
    try await withExampleProvider { port in
      let target = "dubbo://127.0.0.1:\(port)"
      let hello = try await dubboCall(target, Self.greeter + ".sayHello", #""world""#)
      #expect(hello.status == 0, "\(hello.output)")
      #expect(hello.stdout == #""Hello, world""# + "\n")

      let user = try await dubboCall(target, Self.greeter + ".getUser", #""7""#)
      #expect(user.stdout.contains(#""class": "org.apache.dubbo.sample.User""#), "\(user.output)")
      #expect(user.stdout.contains(#""name": "user-7""#))

      let grace = try await dubboCall(target, Self.users + ".find", "1", "--types", "long", "--version", "1.0.0")
      #expect(grace.status == 0, "\(grace.output)")
      #expect(grace.stdout.contains(#""class": "org.apache.dubbo.sample.user.UserProfile""#))
      #expect(grace.stdout.contains(#""name": "Grace Hopper""#))
      #expect(grace.stdout.contains(#""role": "ADMIN""#))

      let overloaded = try await dubboCall(target, Self.users + ".find", #""Grace Hopper""#, "--version", "1.0.0")
      #expect(overloaded.status == 1)
      #expect(overloaded.stderr.contains("hint: name the parameter types, for example --types java.lang.String"))

      let registered = try await dubboCall(
        target, Self.users + ".register", #""Ada""#, #""MEMBER""#, #""12.50""#, "--version", "1.0.0")
      #expect(registered.status == 0, "\(registered.output)")
      #expect(registered.stdout.contains(#""role": "MEMBER""#))
      #expect(registered.stdout.contains(#""value": "12.50""#))

      let all = try await dubboCall(target, Self.users + ".listUsers", "--version", "1.0.0")
      #expect(all.stdout.contains(#""name": "Ada""#), "\(all.output)")

      let missing = try await dubboCall(target, Self.users + ".find", "99", "--types", "long", "--version", "1.0.0")
      #expect(missing.status == 1)
      #expect(missing.stderr == "error: java.util.NoSuchElementException: no user with id 99\n")

      let unversioned = try await dubboCall(target, Self.users + ".find", "1", "--types", "long")
      #expect(unversioned.status == 2)
      #expect(unversioned.stderr.contains("Not found exported service: \(Self.users)"), "\(unversioned.output)")
    }
  }

  @Test("through ZooKeeper: list, describe and call find the registered provider")
  func throughZooKeeper() async throws {
    let registry = "zookeeper://\(Self.zooKeeper)?group=dubbo-cli-\(UUID().uuidString.prefix(8))"
    try await withExampleProvider(registry: registry) { port in
      var listed = try await dubbo("list", registry)
      let deadline = ContinuousClock.now + .seconds(30)
      while listed.stdout.components(separatedBy: "1 provider").count < 3, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(200))
        listed = try await dubbo("list", registry)
      }
      #expect(
        listed.stdout == """
          \(Self.greeter)    1 provider
          \(Self.users)  1 provider

          """, "\(listed.output)")

      let described = try await dubbo("describe", registry, Self.users)
      #expect(described.status == 0, "\(described.output)")
      #expect(described.stdout.hasPrefix("\(Self.users): 1 provider\n\n  dubbo://127.0.0.1:\(port)\n"))
      #expect(described.stdout.contains("    version        1.0.0\n"))
      #expect(described.stdout.contains("    methods        describe, find, listUsers, register, update\n"))
      #expect(described.stdout.contains("    application    user-service-provider\n"))

      let hello = try await dubboCall(registry, Self.greeter + ".sayHello", #""ZooKeeper""#)
      #expect(hello.stdout == #""Hello, ZooKeeper""# + "\n", "\(hello.output)")
      let text = try await dubboCall(
        registry, Self.users + ".describe", "1", "--types", "long", "--version", "1.0.0")
      #expect(text.stdout.hasPrefix(#""Grace Hopper (ADMIN)"#), "\(text.output)")

      let nobody = try await dubbo("describe", registry, "org.apache.dubbo.sample.Missing")
      #expect(nobody.status == 2)
      #expect(nobody.stderr.contains("has no provider of org.apache.dubbo.sample.Missing"))
    }
  }
}
