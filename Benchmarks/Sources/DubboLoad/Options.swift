import E2ECommon
import Foundation

/// The command line of `DubboLoad`.
struct Options {
  static let usage = """
    usage: DubboLoad [options]
      --dubbo HOST:PORT          the DubboLoadProvider (default 127.0.0.1:30880)
      --raw HOST:PORT            the RawEchoServer (default 127.0.0.1:30881)
      --scenarios LIST           of dubbo-echo-128B, dubbo-getUser, raw-echo (default: all three)
      --concurrency LIST         workers per run (default 1,10,100)
      --warmup SECONDS           before each measurement (default 2)
      --duration SECONDS         measured, per scenario and concurrency (default 5)
      --rounds N                 repeat everything N times; targets use the median round (default 1)
      --calls N                  instead of --warmup and --duration: exactly N calls per scenario and
                                 concurrency, spread over the workers (for instruction counts)
      --timeout-ms MS            the Dubbo call timeout (default 1000, Java's)
      --raw-request-bytes N      raw request frame size (default: the Dubbo echo request's, measured)
      --raw-response-bytes N     raw response frame size (default: the Dubbo echo response's, measured)
    """
  static let allScenarios = ["dubbo-echo-128B", "dubbo-getUser", "raw-echo"]

  var dubbo = (host: "127.0.0.1", port: 30880)
  var raw = (host: "127.0.0.1", port: 30881)
  var scenarios = allScenarios
  var concurrencies = [1, 10, 100]
  var warmup = 2.0
  var duration = 5.0
  var rounds = 1
  /// A fixed number of calls per row instead of a timed window.
  var calls: Int?
  var timeoutMilliseconds = 1000
  var rawRequestBytes: Int?
  var rawResponseBytes: Int?

  init(_ arguments: [String]) {
    var arguments = arguments[...]
    while let flag = arguments.popFirst() {
      guard let value = arguments.popFirst() else { Self.fail("\(flag) needs a value") }
      switch flag {
      case "--dubbo": dubbo = Self.address(flag, value)
      case "--raw": raw = Self.address(flag, value)
      case "--scenarios": scenarios = value.split(separator: ",").map(String.init)
      case "--concurrency": concurrencies = value.split(separator: ",").map { Self.number(flag, String($0)) }
      case "--warmup": warmup = Self.number(flag, value)
      case "--duration": duration = Self.number(flag, value)
      case "--rounds": rounds = Self.number(flag, value)
      case "--calls": calls = Self.number(flag, value)
      case "--timeout-ms": timeoutMilliseconds = Self.number(flag, value)
      case "--raw-request-bytes": rawRequestBytes = Self.number(flag, value)
      case "--raw-response-bytes": rawResponseBytes = Self.number(flag, value)
      default: Self.fail("unknown option \(flag)")
      }
    }
    for scenario in scenarios where !Self.allScenarios.contains(scenario) { Self.fail("unknown scenario \(scenario)") }
    if concurrencies.contains(where: { $0 < 1 }) { Self.fail("--concurrency: counts must be positive") }
    if warmup < 0 || duration <= 0 { Self.fail("--warmup must be >= 0 and --duration > 0") }
    if rounds < 1 { Self.fail("--rounds must be positive") }
    if let calls, calls < 1 { Self.fail("--calls must be positive") }
    if let size = rawRequestBytes, size < RawFrame.minimumRequestSize {
      Self.fail("--raw-request-bytes must be at least \(RawFrame.minimumRequestSize)")
    }
    if let size = rawResponseBytes, size < RawFrame.minimumSize {
      Self.fail("--raw-response-bytes must be at least \(RawFrame.minimumSize)")
    }
  }

  private static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("DubboLoad: \(message)\n\(usage)\n".utf8))
    exit(2)
  }

  private static func number<Value: LosslessStringConvertible>(_ flag: String, _ value: String) -> Value {
    guard let number = Value(value) else { fail("\(flag): '\(value)' is not a number") }
    return number
  }

  private static func address(_ flag: String, _ value: String) -> (host: String, port: Int) {
    guard let address = parseAddress(value) else { fail("\(flag): '\(value)' is not HOST:PORT") }
    return address
  }
}
