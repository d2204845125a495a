import BenchmarkFixtures
import DubboHessian
import Foundation
import NIOCore

// A plain loop over one benchmark operation, for profilers (perf, valgrind --tool=callgrind),
// which are awkward to attach to the benchmark harness.
//
//   swift build -c release --product HessianProfile
//   valgrind --tool=callgrind .build/release/HessianProfile encode_users100/typed 200
//   perf record -g .build/release/HessianProfile decode_users100/typed 20000
//
// Arguments: <operation>/<path> as the benchmarks are named, and an iteration count.

let arguments = CommandLine.arguments
guard arguments.count == 3, let iterations = Int(arguments[2]) else {
  print("usage: HessianProfile <encode|decode>_<user|users100>/<typed|generated|value> <iterations>")
  exit(2)
}
Fixtures.verify()

func encodeLoop(_ value: some HessianEncodable, _ iterations: Int) -> Int {
  var buffer = ByteBuffer()
  buffer.reserveCapacity(64 * 1024)
  var sink = 0
  for _ in 0..<iterations {
    Fixtures.encode(value, reusing: &buffer)
    sink &+= buffer.readableBytes
  }
  return sink
}

func decodeLoop<Value: HessianDecodable>(_ bytes: ByteBuffer, as type: Value.Type, _ iterations: Int) throws -> Int {
  var sink = 0
  for _ in 0..<iterations {
    var decoder = HessianDecoder(buffer: bytes)
    let value = try decoder.decode(Value.self)
    sink &+= decoder.offset
    withExtendedLifetime(value) {}
  }
  return sink
}

let clock = ContinuousClock()
let start = clock.now
let sink: Int
switch arguments[1] {
case "encode_user/typed": sink = encodeLoop(Fixtures.singleUser, iterations)
case "decode_user/typed": sink = try decodeLoop(Fixtures.encoded(Fixtures.singleUser), as: User.self, iterations)
case "encode_user/generated": sink = encodeLoop(Fixtures.singleGeneratedUser, iterations)
case "decode_user/generated":
  sink = try decodeLoop(Fixtures.encoded(Fixtures.singleGeneratedUser), as: Sample_User.self, iterations)
case "encode_user/value": sink = encodeLoop(Fixtures.singleUserValue, iterations)
case "decode_user/value":
  sink = try decodeLoop(Fixtures.encoded(Fixtures.singleUserValue), as: HessianValue.self, iterations)
case "encode_users100/typed": sink = encodeLoop(Fixtures.users, iterations)
case "decode_users100/typed": sink = try decodeLoop(Fixtures.encoded(Fixtures.users), as: [User].self, iterations)
case "encode_users100/generated": sink = encodeLoop(Fixtures.generatedUsers, iterations)
case "decode_users100/generated":
  sink = try decodeLoop(Fixtures.encoded(Fixtures.generatedUsers), as: [Sample_User].self, iterations)
case "encode_users100/value": sink = encodeLoop(Fixtures.usersValue, iterations)
case "decode_users100/value":
  sink = try decodeLoop(Fixtures.encoded(Fixtures.usersValue), as: HessianValue.self, iterations)
default:
  print("unknown operation \(arguments[1])")
  exit(2)
}
let elapsed = clock.now - start
let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
print("\(arguments[1]): \(iterations) iterations, \(nanoseconds / Double(iterations)) ns/op (checksum \(sink))")
