import Dubbo
import DubboHessian

/// Prints the service a client calls: its Dubbo service key, the provider, the serialization and
/// the timeout.
func printHeader(_ reference: DubboReference) {
  let serialization =
    switch reference.serialization {
    case .hessian2: "hessian2"
    case .protobuf: "protobuf"
    case .fastjson: "fastjson"
    default: "serialization \(reference.serialization)"
    }
  let timeout = reference.timeout.components
  let timeoutMilliseconds = timeout.seconds * 1000 + timeout.attoseconds / 1_000_000_000_000_000
  let providers = reference.directory.providers.map(\.address).joined(separator: ", ")
  print("\(reference.service.serviceKey) at \(providers) (\(serialization), timeout \(timeoutMilliseconds) ms)")
  print()
}

/// Makes one call and prints it: the Java method's signature, each argument, then what the
/// provider returned or the Java exception it threw, and how long the call took.
///
/// - Parameters:
///   - method: the generated method descriptor; the signature printed comes from the Java types
///     it sends.
///   - arguments: the Java parameter names and their values, in the method's parameter order.
///   - returning: the return type to print instead of the erased one (`List<UserProfile>`).
///   - call: makes the call.
///   - describe: describes the value the call returned.
/// - Returns: the value the call returned, or `nil` when the provider threw a Java exception.
/// - Throws: any failure other than a Java exception thrown by the provider.
@discardableResult
func printCall<Arguments, Result, Value>(
  _ method: DubboMethod<Arguments, Result>,
  _ arguments: KeyValuePairs<String, String>,
  returning: String? = nil,
  _ call: () async throws -> Value,
  describe: (Value) -> String
) async throws -> Value? {
  precondition(arguments.count == method.parameterTypes.count, "one name and value per Java parameter")
  let parameters = zip(method.parameterTypes, arguments).map { "\($0.simpleName) \($1.key)" }
  let signature = "\(returning ?? method.returnType.simpleName) \(method.name)(\(parameters.joined(separator: ", ")))"

  let start = ContinuousClock.now
  let result: Swift.Result<Value, JavaThrowable>
  do {
    result = .success(try await call())
  } catch let error as DubboError where error.exception != nil {
    result = .failure(error.exception!)
  }
  let elapsed = ContinuousClock.now - start

  print("● \(signature)  [\(milliseconds(elapsed))]")
  for (name, value) in arguments {
    print("    \(name) = \(indented(value, by: 4 + name.count + 3))")
  }
  if arguments.isEmpty {
    print("    (no arguments)")
  }
  switch result {
  case .success(let value):
    print("  → \(indented(describe(value), by: 4))")
  case .failure(let exception):
    print("  ✗ threw \(exception.className)" + (exception.message.map { ": \($0)" } ?? ""))
  }
  print()
  return try? result.get()
}

/// `text` with every line after the first indented by `width` spaces.
private func indented(_ text: String, by width: Int) -> String {
  text.split(separator: "\n", omittingEmptySubsequences: false).joined(
    separator: "\n" + String(repeating: " ", count: width))
}

/// `duration` in milliseconds, with one decimal.
private func milliseconds(_ duration: Duration) -> String {
  let tenths = Int(
    (Double(duration.components.seconds) * 1e4 + Double(duration.components.attoseconds) / 1e14).rounded())
  return "\(tenths / 10).\(tenths % 10) ms"
}

extension JavaType {
  /// The name Java source uses: `String` for `java.lang.String`, `long`, `UserProfile[]`.
  var simpleName: String {
    switch self {
    case .object(let className): String(className.split(separator: ".").last ?? Substring(className))
    case .array(let element): element.simpleName + "[]"
    default: javaName
    }
  }
}
