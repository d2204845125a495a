import Benchmark
import BenchmarkFixtures
import DubboHessian
import NIOCore

// Hessian 2 encode/decode of one `org.apache.dubbo.sample.User` and of a list of 100, through the
// typed path (`HessianObjectCodable`) with the hand-written `User` (`/typed`) and with `Sample_User`
// generated from BenchmarkFixtures/Protos/user.proto (`/generated`), and through `HessianValue`
// (`/value`).
//
// Every benchmark runs `scalingFactor` (1000) operations per sample; `run.sh` divides a sample's
// wall clock by that to get ns per operation, and compares with Caucho's Java timings.
// Benchmark names are `<operation>/<path>`: run.sh parses them, keep the two in step.

/// Operations per sample. run.sh divides by the same number (`SCALE` there).
private var scalingFactor: BenchmarkScalingFactor { .kilo }

let benchmarks: @Sendable () -> Void = {
  Fixtures.verify()

  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    timeUnits: .nanoseconds,
    warmupIterations: 10,
    scalingFactor: scalingFactor,
    maxDuration: .seconds(3),
    maxIterations: 1_000_000
  )

  encodeBenchmark("encode_user/typed", Fixtures.singleUser)
  decodeBenchmark("decode_user/typed", Fixtures.encoded(Fixtures.singleUser), as: User.self)
  encodeBenchmark("encode_user/generated", Fixtures.singleGeneratedUser)
  decodeBenchmark("decode_user/generated", Fixtures.encoded(Fixtures.singleGeneratedUser), as: Sample_User.self)
  encodeBenchmark("encode_user/value", Fixtures.singleUserValue)
  decodeBenchmark("decode_user/value", Fixtures.encoded(Fixtures.singleUserValue), as: HessianValue.self)

  encodeBenchmark("encode_users100/typed", Fixtures.users)
  decodeBenchmark("decode_users100/typed", Fixtures.encoded(Fixtures.users), as: [User].self)
  encodeBenchmark("encode_users100/generated", Fixtures.generatedUsers)
  decodeBenchmark("decode_users100/generated", Fixtures.encoded(Fixtures.generatedUsers), as: [Sample_User].self)
  encodeBenchmark("encode_users100/value", Fixtures.usersValue)
  decodeBenchmark("decode_users100/value", Fixtures.encoded(Fixtures.usersValue), as: HessianValue.self)
}

/// Encodes `value` as a whole message body into a buffer reused from one operation to the next
/// (see ``Fixtures/encode(_:reusing:)``).
private func encodeBenchmark<Value: HessianEncodable>(_ name: String, _ value: Value) {
  Benchmark(name) { benchmark in
    var buffer = ByteBuffer()
    buffer.reserveCapacity(64 * 1024)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      Fixtures.encode(value, reusing: &buffer)
      blackHole(buffer.readableBytes)
    }
  }
}

/// Decodes a whole message body (a new decoder per operation) from `bytes`.
private func decodeBenchmark<Value: HessianDecodable>(_ name: String, _ bytes: ByteBuffer, as type: Value.Type) {
  Benchmark(name) { benchmark in
    for _ in benchmark.scaledIterations {
      var decoder = HessianDecoder(buffer: bytes)
      blackHole(try decoder.decode(Value.self))
    }
  }
}
