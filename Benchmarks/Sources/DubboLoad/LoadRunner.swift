import Histogram
import NIOCore

/// What one scenario at one concurrency measured.
struct Measurement: Sendable {
  var scenario: String
  var concurrency: Int
  /// Which repetition of the whole run this is, from 1.
  var round = 1
  /// Calls started in the measured window and completed without error.
  var calls: Int
  var errors: Int
  var firstError: String?
  /// The measured window, in seconds.
  var seconds: Double
  /// Latency per call, in nanoseconds.
  var latencies: Histogram<UInt64>

  var callsPerSecond: Double { Double(calls) / seconds }

  /// A latency percentile in microseconds.
  func microseconds(atPercentile percentile: Double) -> Double {
    Double(latencies.valueAtPercentile(percentile)) / 1000
  }
}

/// The calls and errors one worker saw in the measured window.
private struct WorkerResult: Sendable {
  var calls = 0
  var errors = 0
  var firstError: String?
  var latencies = LoadRunner.makeHistogram()
}

enum LoadRunner {
  /// Latencies from 1 ns to 60 s, 3 significant digits.
  static func makeHistogram() -> Histogram<UInt64> {
    Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
  }

  /// Runs `concurrency` workers, each calling `call` in a loop: for `warmup` and then for
  /// `duration` seconds, counting only calls started after the warm-up; or, given `calls`, for
  /// exactly that many calls in all, every one counted.
  static func run(
    scenario: String,
    concurrency: Int,
    warmup: Double,
    duration: Double,
    calls: Int? = nil,
    call: @escaping @Sendable () async throws -> Void
  ) async -> Measurement {
    let start = NIODeadline.now().uptimeNanoseconds
    let measuredFrom = calls == nil ? start + UInt64(warmup * 1e9) : start
    let measuredUntil = calls == nil ? measuredFrom + UInt64(duration * 1e9) : .max
    let results = await withTaskGroup(of: WorkerResult.self, returning: [WorkerResult].self) { group in
      for worker in 0..<concurrency {
        // This worker's share of `calls`, else no limit.
        let share = calls.map { $0 / concurrency + (worker < $0 % concurrency ? 1 : 0) } ?? .max
        group.addTask {
          var result = WorkerResult()
          var remaining = share
          while remaining > 0 {
            remaining -= 1
            let callStart = NIODeadline.now().uptimeNanoseconds
            guard callStart < measuredUntil else { break }
            var failed = false
            do {
              try await call()
            } catch {
              failed = true
              if callStart >= measuredFrom, result.firstError == nil { result.firstError = "\(error)" }
            }
            let callEnd = NIODeadline.now().uptimeNanoseconds
            guard callStart >= measuredFrom else { continue }
            if failed {
              result.errors += 1
            } else {
              result.calls += 1
              _ = result.latencies.record(callEnd - callStart)
            }
          }
          return result
        }
      }
      return await group.reduce(into: []) { $0.append($1) }
    }
    var measurement = Measurement(
      scenario: scenario,
      concurrency: concurrency,
      calls: 0,
      errors: 0,
      firstError: nil,
      seconds: calls == nil ? duration : Double(NIODeadline.now().uptimeNanoseconds - start) / 1e9,
      latencies: makeHistogram()
    )
    for result in results {
      measurement.calls += result.calls
      measurement.errors += result.errors
      measurement.firstError = measurement.firstError ?? result.firstError
      measurement.latencies.add(result.latencies)
    }
    return measurement
  }
}
