import ArgumentParser
import Dubbo
import DubboHessian
import Foundation

/// `dubbo call`: calls any method of any Dubbo service as a generic (`$invoke`) call and prints
/// the result as JSON.
struct CallCommand: NetworkCommand {
  static let configuration = CommandConfiguration(
    commandName: "call",
    abstract: "Call a method of a Dubbo service and print the result as JSON.",
    discussion: """
      The call is a generic call (Java's GenericService.$invoke): no interface classes or \
      generated code needed, on the provider's side either. Arguments are JSON, one per argument:

        "text", true, null       String, boolean, null
        7, 9000000000, 2.5       int (long beyond an int's range), double
        [1, 2]                   a list (arrays too)
        {"name": "Ann"}          an object as a map of its properties; a "class"
                                 member names its Java class
        {"$long": 7}             the exact Hessian forms of `dubbo hessian` also
                                 work: $long, $double, $date, $binary, $class…

      Without --types the provider takes the only method of that name and converts the \
      arguments to its parameter types (Java's PojoUtils), so --types is needed only for \
      overloaded methods; with --types, integers given for long or double parameters and dates \
      given as text are converted here.

      The result prints as JSON: objects as the provider generalizes them, with their "class".

      Exit status: 0 on success, 1 when the provider answered with an exception (printed as \
      Java's class and message), 2 when the call failed (no provider, timeout, rejected), 64 for \
      a usage error.

      Examples:
        dubbo call dubbo://127.0.0.1:20880 \\
            org.apache.dubbo.sample.GreeterService.sayHello '"world"'
        dubbo call zookeeper://127.0.0.1:2181 --version 1.0.0 \\
            org.apache.dubbo.sample.user.UserService.find 1
        dubbo call 127.0.0.1:20880 com.foo.OrderService.place \\
            '{"class": "com.foo.Order", "id": 7}' --types com.foo.Order \\
            --attachment traceId=abc --timeout 5000
      """
  )

  @Argument(help: "dubbo://host:port (port 20880 by default), or a registry URL such as zookeeper://127.0.0.1:2181.")
  var target: String

  @Argument(help: "The interface and the method: com.foo.UserService.getUser.")
  var method: String

  @Argument(help: "The arguments, one JSON value each.")
  var arguments: [String] = []

  @Option(
    name: .long,
    parsing: .singleValue,
    help: "A Java parameter type, once per parameter or comma-separated: int, java.lang.String, com.foo.User, long[].")
  var types: [String] = []

  @Flag(help: "The method has no parameters: send an empty type list (needed when it is overloaded).")
  var noArguments = false

  @Option(help: "The service version.")
  var version: String?

  @Option(help: "The service group.")
  var group: String?

  @Option(help: "How long to wait for the result, in milliseconds.")
  var timeout = 3000

  @Option(name: .long, parsing: .singleValue, help: "An attachment sent with the call: key=value (repeatable).")
  var attachment: [String] = []

  @Option(help: "The serialization of the request: hessian2 (the default) or fastjson.")
  var serialization = "hessian2"

  @Flag(help: "Log what the client and the registry do.")
  var verbose = false

  func validate() throws {
    guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of milliseconds") }
    guard method.contains("."), !method.hasSuffix("."), !method.hasPrefix(".") else {
      throw ValidationError("'\(method)' is not <interface>.<method>, such as com.foo.UserService.getUser")
    }
    if noArguments, !arguments.isEmpty { throw ValidationError("--no-arguments goes with no arguments") }
    if let types = parameterTypeNames, types.count != arguments.count {
      throw ValidationError(
        "\(types.count) type\(types.count == 1 ? "" : "s") for \(arguments.count) argument\(arguments.count == 1 ? "" : "s")"
      )
    }
    for pair in attachment where !pair.contains("=") {
      throw ValidationError("the attachment '\(pair)' is not key=value")
    }
    guard ["hessian2", "fastjson"].contains(serialization) else {
      throw ValidationError("a generic call travels as hessian2 or fastjson, not '\(serialization)'")
    }
  }

  /// The parameter types given, or `nil` for the provider to find the method by name.
  var parameterTypeNames: [String]? {
    if noArguments { return [] }
    let names = types.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
    return names.isEmpty ? nil : names
  }

  func run(streams: StandardStreams) async throws {
    let dot = method.lastIndex(of: ".")!
    let interface = String(method[..<dot])
    let methodName = String(method[method.index(after: dot)...])
    let typeNames = parameterTypeNames
    let types = try typeNames.map { names in
      try names.map { name in
        do {
          return try JavaType(genericName: name)
        } catch {
          throw CommandFailure("--types \(name) is not a Java type: \(error)")
        }
      }
    }
    let values = try CallArguments.values(arguments, types: types)
    let target = try CallTarget(target)
    let service = DubboServiceDescriptor(interface: interface, version: version, group: group)
    let logger = DubboCLIDefaults.logger(verbose: verbose)
    let (directory, close) = try await target.directory(for: service, logger: logger)
    var reference = DubboReference(service: service, directory: directory, timeout: .milliseconds(timeout))
    reference.cluster = .failfast
    reference.serialization = DubboSerializationRegistry.default.serialization(named: serialization)!.id
    var options = DubboCallOptions()
    for pair in attachment {
      let equals = pair.firstIndex(of: "=")!
      options.attachments[string: String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
    }
    let result: Result<HessianValue, any Error>
    do {
      let value = try await withDubboClient(configuration: .init(), logger: logger) { client in
        try await CallProgress(what: "\(interface).\(methodName)", streams: streams).showing {
          try await client.invoke(
            methodName, parameterTypes: typeNames, arguments: values, reference: reference, options: options)
        }
      }
      result = .success(value)
    } catch {
      result = .failure(error)
    }
    await close()
    switch result {
    case .success(let value):
      try streams.writeOutput(Array((ResultJSON.text(for: value) + "\n").utf8))
    case .failure(let error as DubboError):
      throw report(error, streams: streams)
    case .failure(let error):
      throw error
    }
  }

  /// Says on standard error why the call failed (with a hint for an overloaded method); the exit
  /// status to leave with.
  private func report(_ error: DubboError, streams: StandardStreams) -> ExitCode {
    let exception = error.exception.map { $0.genericExceptionCause ?? $0 }
    streams.writeError("error: " + (exception.map { "\($0)" } ?? "\(error.status): \(error.message)") + "\n")
    let text = exception?.message ?? error.message
    if text.contains("overloaded") || text.contains("Not unique method") {
      let hint =
        arguments.isEmpty
        ? "--no-arguments"
        : "--types " + arguments.map(CallArguments.inferredType(of:)).joined(separator: ",")
      streams.writeError("hint: name the parameter types, for example \(hint)\n")
    }
    return ExitCode(exception == nil ? 2 : 1)
  }
}
