import ArgumentParser
import Dubbo
import DubboHessian
import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import DubboCLI

/// `org.apache.dubbo.cli.test.ProbeService`: methods that show what `dubbo call` sent.
struct ProbeService: DubboServiceProvider {
  static let descriptor = DubboServiceDescriptor(interface: "org.apache.dubbo.cli.test.ProbeService", version: "2.0")

  var serviceDescriptor: DubboServiceDescriptor { Self.descriptor }

  static func method(
    _ name: String, _ parameters: [JavaType], returns: JavaType
  ) -> DubboMethod<DubboArgumentList<HessianValue>, HessianValue> {
    DubboMethod(name: name, parameterTypes: parameters, returnType: returns)
  }

  func registerMethods(with router: inout DubboMethodRouter) {
    // `String echo(String)`: the text and the caller's traceId attachment.
    router.register(Self.method("echo", [.object("java.lang.String")], returns: .object("java.lang.String"))) {
      arguments, context in
      .string("\(arguments.values) trace=\(context.attachments[string: "traceId"] ?? "-")")
    }
    // `long twice(long)`: only a long is accepted, so an int shows a missing conversion.
    router.register(Self.method("twice", [.long], returns: .long)) { arguments, _ in
      guard case .long(let number) = arguments.values else {
        throw JavaThrowable(className: "java.lang.ClassCastException", message: "not a long: \(arguments.values)")
      }
      return .long(number * 2)
    }
    // `Date nextDay(Date)`.
    router.register(Self.method("nextDay", [.object("java.util.Date")], returns: .object("java.util.Date"))) {
      arguments, _ in
      guard case .date(let milliseconds) = arguments.values else {
        throw JavaThrowable(className: "java.lang.ClassCastException", message: "not a date: \(arguments.values)")
      }
      return .date(millisecondsSince1970: milliseconds + 86_400_000)
    }
    // `String slow(int milliseconds)`: answers after that long.
    router.register(Self.method("slow", [.int], returns: .object("java.lang.String"))) { arguments, _ in
      guard case .int(let milliseconds) = arguments.values else { return .null }
      try await Task.sleep(for: .milliseconds(Int(milliseconds)))
      return .string("slept")
    }
    // `Item item(String)` and `Item item(long)`: an overload returning a POJO.
    for type in [JavaType.object("java.lang.String"), .long] {
      router.register(Self.method("item", [type], returns: .object("org.apache.dubbo.cli.test.Item"))) {
        arguments, _ in
        .object(
          HessianObject(
            className: "org.apache.dubbo.cli.test.Item",
            fields: [
              .init(name: "key", value: arguments.values),
              .init(
                name: "price",
                value: .object(
                  HessianObject(
                    className: "java.math.BigDecimal", fields: [.init(name: "value", value: .string("9.50"))]))),
              .init(name: "tags", value: .list(HessianList(elements: [.string("a"), .string("b")]))),
            ]))
      }
    }
  }
}

/// What a network command printed and how it ended.
struct NetworkCommandResult: Sendable {
  var status: Int32
  var output: String
  var error: String
}

/// Parses `arguments` as `dubbo` would and runs the network command in memory; standard error is
/// not a terminal. A `call` without `--timeout` waits up to 20 s: the suite runs JVMs and servers
/// beside it on a small machine.
func runNetworkCommand(_ arguments: [String]) async throws -> NetworkCommandResult {
  let patient = arguments.first == "call" && !arguments.contains("--timeout") ? ["--timeout", "20000"] : []
  let parsed = try DubboCommand.parseAsRoot(arguments + patient)
  guard let command = parsed as? any NetworkCommand else {
    throw CommandFailure("\(arguments) parsed to \(type(of: parsed)), which is not a network command")
  }
  let output = NIOLockedValueBox<[UInt8]>([])
  let error = NIOLockedValueBox("")
  let status = await command.exitStatus(
    streams: StandardStreams(
      readInput: { [] },
      writeOutput: { bytes in output.withLockedValue { $0 += bytes } },
      writeError: { text in error.withLockedValue { $0 += text } }
    ))
  return NetworkCommandResult(
    status: status,
    output: String(decoding: output.withLockedValue { $0 }, as: UTF8.self),
    error: error.withLockedValue { $0 }
  )
}

@Suite("dubbo call against a Swift provider")
struct CallCommandTests {
  /// Runs `body` with the address of a server exporting ``ProbeService``.
  func withProbe(_ body: (String) async throws -> Void) async throws {
    let server = DubboServer(
      configuration: DubboServer.Configuration(host: "127.0.0.1", port: 0), services: [ProbeService()])
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.serve() }
      defer { server.beginGracefulShutdown() }
      let port = try await server.listeningAddress.port!
      try await body("dubbo://127.0.0.1:\(port)")
    }
  }

  static let probe = "org.apache.dubbo.cli.test.ProbeService."

  @Test("a string in, a string out, with an attachment; the result is JSON on standard output")
  func echo() async throws {
    try await withProbe { target in
      let result = try await runNetworkCommand([
        "call", target, Self.probe + "echo", #""héllo""#, "--version", "2.0", "--attachment", "traceId=t-1",
      ])
      #expect(result.status == 0, "\(result.error)")
      #expect(result.output == #""string(\"héllo\") trace=t-1""# + "\n")
      #expect(!result.error.contains("error"), "\(result.error)")
      let json = try await runNetworkCommand([
        "call", target, Self.probe + "echo", #""héllo""#, "--version", "2.0", "--serialization", "fastjson",
      ])
      #expect(json.output == #""string(\"héllo\") trace=-""# + "\n", "\(json.error)")
    }
  }

  @Test("--types converts an integer for a long and text for a date")
  func typeConversion() async throws {
    try await withProbe { target in
      let twice = try await runNetworkCommand([
        "call", target, Self.probe + "twice", "21", "--types", "long", "--version", "2.0",
      ])
      #expect(twice.output == "42\n", "\(twice.error)")
      let untyped = try await runNetworkCommand(["call", target, Self.probe + "twice", "21", "--version", "2.0"])
      #expect(untyped.status == 1)
      #expect(untyped.error.contains("java.lang.ClassCastException: not a long"))
      let date = try await runNetworkCommand([
        "call", target, Self.probe + "nextDay", #""2024-02-28T12:00:00.000Z""#, "--types", "java.util.Date",
        "--version", "2.0",
      ])
      #expect(date.output == #""2024-02-29T12:00:00.000Z""# + "\n", "\(date.error)")
    }
  }

  @Test("an object prints with its class, in HashMap order; an overload needs --types, and the hint names them")
  func overloads() async throws {
    try await withProbe { target in
      let ambiguous = try await runNetworkCommand([
        "call", target, Self.probe + "item", #""k1""#, "--version", "2.0",
      ])
      #expect(ambiguous.status == 1)
      #expect(ambiguous.error.contains("it is overloaded"))
      #expect(ambiguous.error.contains("hint: name the parameter types, for example --types java.lang.String"))
      let item = try await runNetworkCommand([
        "call", target, Self.probe + "item", #""k1""#, "--types", "java.lang.String", "--version", "2.0",
      ])
      #expect(
        item.output == """
          {
            "price": {
              "class": "java.math.BigDecimal",
              "value": "9.50"
            },
            "class": "org.apache.dubbo.cli.test.Item",
            "key": "k1",
            "tags": ["a", "b"]
          }

          """, "\(item.error)")
    }
  }

  @Test("a slow call shows progress on standard error; a timeout exits with 2")
  func slowCalls() async throws {
    try await withProbe { target in
      let slow = try await runNetworkCommand([
        "call", target, Self.probe + "slow", "2300", "--version", "2.0", "--timeout", "10000",
      ])
      #expect(slow.output == #""slept""# + "\n")
      #expect(slow.error.contains("waiting for org.apache.dubbo.cli.test.ProbeService.slow… 1 s\n"))
      #expect(slow.error.contains("waiting for org.apache.dubbo.cli.test.ProbeService.slow… 2 s\n"))
      let late = try await runNetworkCommand([
        "call", target, Self.probe + "slow", "2000", "--version", "2.0", "--timeout", "300",
      ])
      #expect(late.status == 2)
      #expect(late.error.hasPrefix("error: SERVER_TIMEOUT: Waiting server-side response timeout. timeout: 300 ms"))
    }
  }

  @Test("an unknown service or version, and a target nobody listens on, exit with 2")
  func failures() async throws {
    try await withProbe { target in
      let wrongVersion = try await runNetworkCommand(["call", target, Self.probe + "echo", #""x""#, "--version", "9"])
      #expect(wrongVersion.status == 2)
      #expect(wrongVersion.error.contains("Not found exported service"), "\(wrongVersion.error)")
    }
    let nobody = try await runNetworkCommand(["call", "dubbo://127.0.0.1:1", Self.probe + "echo", #""x""#])
    #expect(nobody.status == 2)
    #expect(nobody.error.hasPrefix("error: "))
  }

  @Test(
    "usage errors are refused before any call",
    arguments: [
      (["call", "dubbo://h:1", "noDot"], "is not <interface>.<method>"),
      (["call", "dubbo://h:1", "a.B.m", "1", "--types", "int,long"], "2 types for 1 argument"),
      (["call", "dubbo://h:1", "a.B.m", "--attachment", "novalue"], "is not key=value"),
      (["call", "dubbo://h:1", "a.B.m", "--serialization", "protobuf"], "hessian2 or fastjson, not 'protobuf'"),
    ])
  func usage(_ arguments: [String], _ message: String) {
    #expect {
      _ = try DubboCommand.parseAsRoot(arguments)
    } throws: { error in
      DubboCommand.message(for: error).contains(message)
    }
  }

  @Test("malformed JSON arguments and bad targets are reported, exit 2")
  func badInput() async throws {
    let json = try await runNetworkCommand(["call", "dubbo://127.0.0.1:1", "a.B.m", "{oops"])
    #expect(json.status == 2)
    #expect(json.error.contains("argument 1 ({oops) is not valid: line 1, column 2"), "\(json.error)")
    let target = try await runNetworkCommand(["call", "http://127.0.0.1:1", "a.B.m"])
    #expect(target.status == 2)
    #expect(target.error.contains("is neither dubbo://host:port nor a registry (zookeeper://)"), "\(target.error)")
  }
}
