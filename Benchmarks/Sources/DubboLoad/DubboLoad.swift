import Dubbo
import E2ECommon
import Foundation
import NIOCore
import NIOPosix

/// End-to-end load over the Dubbo protocol, against a raw SwiftNIO echo of frames of the same
/// sizes (run-e2e.sh starts both servers).
///
/// For each concurrency, each scenario runs that many workers, each calling in a loop, over ONE
/// connection per server: the Dubbo client's default of one multiplexed connection per provider,
/// and the raw client multiplexing its frames by request id the same way. Prints QPS, p50 and p99
/// per scenario and concurrency, and each Dubbo row's QPS over the raw echo's at that concurrency.
/// E2E_NIO_EXECUTOR=1 installs the NIO event loops as Swift Concurrency's global executor.
@main
enum DubboLoad {
  /// `echo` of a 128-character ASCII string.
  static let echoRequest = {
    var request = Sample_EchoRequest()
    request.text = String(repeating: "x", count: 128)
    return request
  }()
  /// `getUser("42")`.
  static let userRequest = {
    var request = Sample_GetUserRequest()
    request.id = "42"
    return request
  }()

  static func main() async throws {
    if ProcessInfo.processInfo.environment["E2E_NIO_EXECUTOR"] == "1" {
      // An experiment, not the default: Swift Concurrency's jobs run on the NIO event loops.
      NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
    let options = Options(Array(CommandLine.arguments.dropFirst()))
    let reference = DubboReference(
      host: options.dubbo.host,
      port: options.dubbo.port,
      service: Sample_GreeterService.descriptor,
      timeout: .milliseconds(options.timeoutMilliseconds)
    )

    let (echoSizes, userSizes) = try await probeFrameSizes(reference, provider: options.dubbo)
    let rawSizes = FrameSizes(
      request: options.rawRequestBytes ?? echoSizes.request,
      response: options.rawResponseBytes ?? echoSizes.response
    )
    output("Frame sizes, 16-byte header included (request / response):")
    output("  dubbo-echo-128B  \(echoSizes.request) / \(echoSizes.response) B")
    output("  dubbo-getUser    \(userSizes.request) / \(userSizes.response) B")
    output("  raw-echo         \(rawSizes.request) / \(rawSizes.response) B")
    output(
      "Warm-up \(format(options.warmup, 1)) s, measured \(format(options.duration, 1)) s per row; one connection "
        + "per server; \(ProcessInfo.processInfo.activeProcessorCount) cores shared by client and servers"
    )
    output()

    let rawClient: RawClient? =
      options.scenarios.contains("raw-echo")
      ? try await RawClient.connect(
        host: options.raw.host,
        port: options.raw.port,
        requestSize: rawSizes.request,
        responseSize: rawSizes.response
      ) : nil

    let measurements = try await measure(options, reference: reference, rawClient: rawClient)
    await rawClient?.close()
    report(measurements)
  }

  /// Runs each scenario at each concurrency, the raw baseline first at each concurrency so that
  /// each Dubbo row is compared with one measured just before it.
  static func measure(
    _ options: Options,
    reference: DubboReference,
    rawClient: RawClient?
  ) async throws -> [Measurement] {
    try await withDubboClient { client in
      let greeter = Sample_GreeterService.Client(client: client, reference: reference)
      let calls: [String: @Sendable () async throws -> Void] = [
        "dubbo-echo-128B": { _ = try await greeter.echo(echoRequest) },
        "dubbo-getUser": { _ = try await greeter.getUser(userRequest) },
        "raw-echo": { try await rawClient!.call() },
      ]
      let scenarios = options.scenarios.filter { $0 == "raw-echo" } + options.scenarios.filter { $0 != "raw-echo" }
      var measurements: [Measurement] = []
      for round in 1...options.rounds {
        for concurrency in options.concurrencies {
          for scenario in scenarios {
            log("round \(round): running \(scenario) at concurrency \(concurrency)...")
            var measurement = await LoadRunner.run(
              scenario: scenario,
              concurrency: concurrency,
              warmup: options.warmup,
              duration: options.duration,
              calls: options.calls,
              call: calls[scenario]!
            )
            measurement.round = round
            if let error = measurement.firstError { log("  \(measurement.errors) errors, the first: \(error)") }
            measurements.append(measurement)
          }
        }
      }
      return measurements
    }
  }

  /// The Dubbo frame sizes of one echo and one getUser call, through a counting proxy on a
  /// connection of its own.
  static func probeFrameSizes(
    _ reference: DubboReference,
    provider: (host: String, port: Int)
  ) async throws -> (echo: FrameSizes, getUser: FrameSizes) {
    let probe = try await FrameSizeProbe(upstreamHost: provider.host, port: provider.port)
    var probeReference = reference
    probeReference.directory = DubboProviderDirectory(
      providers: [DubboURL(host: "127.0.0.1", port: probe.port, path: reference.service.interface)]
    )
    try await withDubboClient { client in
      let greeter = Sample_GreeterService.Client(client: client, reference: probeReference)
      let echoed = try await greeter.echo(echoRequest)
      precondition(echoed.text == echoRequest.text, "echo returned \(echoed.text)")
      let user = try await greeter.getUser(userRequest)
      precondition(user.id == userRequest.id, "getUser returned \(user)")
    }
    await probe.close()
    let requests = probe.requests.sizes
    let responses = probe.responses.sizes
    guard requests.count == 2, responses.count == 2 else {
      log("DubboLoad: expected two frames each way through the probe, saw \(requests) and \(responses)")
      exit(1)
    }
    return (
      FrameSizes(request: requests[0], response: responses[0]), FrameSizes(request: requests[1], response: responses[1])
    )
  }

  /// Prints the table, and the issue's target at concurrency 100: at least 0.7x the raw echo's
  /// rate, p99 at most 2 ms; over several rounds, the median round's ratio and p99.
  static func report(_ measurements: [Measurement]) {
    func ratio(_ measurement: Measurement) -> Double? {
      measurements.first {
        $0.scenario == "raw-echo" && $0.concurrency == measurement.concurrency && $0.round == measurement.round
      }.map { measurement.callsPerSecond / $0.callsPerSecond }
    }
    output("| round | scenario | concurrency | calls | QPS | p50 (µs) | p99 (µs) | p99.9 (µs) | errors | QPS / raw |")
    output("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for measurement in measurements {
      output(
        "| \(measurement.round) | \(measurement.scenario) | \(measurement.concurrency) | \(measurement.calls) "
          + "| \(format(measurement.callsPerSecond, 0)) | \(format(measurement.microseconds(atPercentile: 50), 0)) "
          + "| \(format(measurement.microseconds(atPercentile: 99), 0)) "
          + "| \(format(measurement.microseconds(atPercentile: 99.9), 0)) | \(measurement.errors) "
          + "| \(ratio(measurement).map { format($0, 2) } ?? "-") |"
      )
    }
    let rounds = Set(measurements.map(\.round)).count
    let targeted = measurements.filter { $0.concurrency == 100 && $0.scenario != "raw-echo" }
    guard !targeted.isEmpty else { return }
    output()
    for scenario in Set(targeted.map(\.scenario)).sorted() {
      let runs = targeted.filter { $0.scenario == scenario }
      guard let ratio = median(runs.compactMap(ratio)) else { continue }
      let p99 = median(runs.map { $0.microseconds(atPercentile: 99) / 1000 })!
      output(
        "target at concurrency 100, \(scenario)\(rounds > 1 ? " (median of \(rounds) rounds)" : ""): "
          + "QPS / raw = \(format(ratio, 2)) (\(ratio >= 0.7 ? "meets" : "misses") >= 0.70), "
          + "p99 = \(format(p99, 2)) ms (\(p99 <= 2 ? "meets" : "misses") <= 2 ms)"
      )
    }
  }

  /// The middle value (the mean of the two middle ones for an even count).
  static func median(_ values: [Double]) -> Double? {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

/// Writes a line to standard output, unbuffered, so that it interleaves with the progress lines.
func output(_ text: String = "") {
  FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Writes a line to standard error.
func log(_ text: String) {
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

func format(_ value: Double, _ decimals: Int) -> String {
  String(format: "%.\(decimals)f", value)
}
