import Dubbo
import Foundation
import InteropSupport
import NIOCore
import Testing

/// A third-party Python Dubbo client from PyPI (see `Tests/InteropHarness/python/README.md`).
struct PythonDubboClient: Sendable, CustomTestStringConvertible {
  /// The PyPI distribution, pinned as in `scripts/test.sh`.
  let distribution: String
  /// The version `scripts/test.sh` installs.
  let version: String
  /// The module the distribution installs.
  let module: String

  var testDescription: String { "\(distribution) \(version)" }

  static let all = [
    PythonDubboClient(distribution: "dubbo-ssl-python", version: "0.9.6", module: "dubbo_ssl"),
    PythonDubboClient(distribution: "python3-dubbo", version: "0.0.8", module: "dubbo"),
  ]
}

@Suite("Interop: third-party Python Dubbo clients call a Swift provider")
struct PythonClientTests {
  /// `Tests/InteropHarness/python/greeter_client.py`.
  static let script = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("InteropHarness/python/greeter_client.py")

  /// The lines the script prints when every call succeeds (it prints one line per call).
  static let expectedLines = [
    #"PASS sayHello("world") -> 'Hello, world'"#,
    #"PASS getUser("7") -> {'age': 42, 'id': '7', 'name': 'user-7'}"#,
    #"PASS echoUser(User{id: "42", name: "Zoë 🚀", age: 30}) -> {'age': 30, 'id': '42', 'name': 'Zoë 🚀'}"#,
    #"PASS sayHello(<40000 characters, 41448 UTF-16 units>) -> <'Hello, ' + the same 40000 characters>"#,
  ]

  @Test("GreeterService calls from a Python client", arguments: PythonDubboClient.all)
  func greeterCalls(client: PythonDubboClient) async throws {
    let probe = try await runPython(["-c", "import \(client.module).client, \(client.module).codec.encoder"])
    guard probe.status == 0 else {
      Issue.record(
        """
        The Python package \(client.distribution) is not importable (module \(client.module)); \
        scripts/test.sh installs it: python3 -m pip install \(client.distribution)==\(client.version)
        \(probe.output)
        """
      )
      return
    }

    // The provider of GreeterServiceTests.swift, generated from Protos/greeter.proto.
    let server = DubboServer(configuration: .init(host: "127.0.0.1", port: 0), services: [Greeter()])
    let result = try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.serve() }
      defer { server.beginGracefulShutdown() }
      let port = try #require(try await server.listeningAddress.port)
      return try await runPython([
        Self.script.path, "--client", client.distribution, "127.0.0.1", String(port),
      ])
    }

    print("greeter_client.py --client \(client.distribution):\n\(result.stdout)", terminator: "")
    #expect(result.status == 0, "greeter_client.py exited with \(result.status):\n\(result.output)")
    let lines = result.stdout.split(separator: "\n").map(String.init)
    for expected in Self.expectedLines {
      #expect(lines.contains(expected), "missing line \(expected)\n\(result.output)")
    }
    let unknown = lines.first { $0.hasPrefix("PASS noSuchMethod(") }
    #expect(unknown != nil, "no line for the unknown method call\n\(result.output)")
    #expect(lines.count == Self.expectedLines.count + 2, "unexpected output:\n\(result.output)")
    #expect(lines.last == "client \(client.distribution) \(client.version): all 5 calls as expected")
  }
}

/// Runs `python3` (from `PATH`) with `arguments`, killing it after `timeout`.
func runPython(_ arguments: [String], timeout: Duration = .seconds(120)) async throws -> ChildProcessResult {
  guard let python = ChildProcess.find("python3") else {
    throw PythonMissing()
  }
  var result = try await ChildProcess.run(
    python,
    arguments,
    environment: ["PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"],
    timeout: timeout
  )
  if result.wasKilled {
    result.stderr += "\n(python3 was killed by signal \(result.status); the time limit is \(timeout))\n"
  }
  return result
}

struct PythonMissing: Error, CustomStringConvertible {
  var description: String { "python3 is not on PATH; the Python interop tests need Python 3" }
}
