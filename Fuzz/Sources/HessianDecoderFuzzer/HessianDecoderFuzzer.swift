// libFuzzer entry point for DubboHessian's decoder. This file must not be called main.swift: the
// executable's `main` comes from libFuzzer (built with `--sanitize fuzzer`).
//
// Properties checked for every input (any violation is a `precondition` failure, so libFuzzer
// saves the input as a crash):
//  1. A `HessianDecoder` reads `HessianValue`s until the input is consumed or it throws; every
//     thrown error is a `HessianError` whose offset lies inside the input, and every value that
//     decodes consumed at least one byte.
//  2. Typed decodes (`FuzzPojo?` and `[String]`, each as a stream of values) throw only
//     `HessianError`s.
//  3. Everything that decodes survives a round trip: encode with `HessianEncoder`, decode again,
//     and get the same value (doubles compared by bit pattern except that -0.0 becomes 0.0, as in
//     hessian-lite; strings compared by UTF-8 bytes). For `HessianValue`s the re-encoding must
//     also be stable: encoding the second decode gives the same bytes. Values holding an
//     unresolved `.reference` (a cycle) are skipped, as their slot numbers depend on the stream.
//  4. Unbounded allocation and hangs are caught by libFuzzer (`-rss_limit_mb`, `-timeout`).

import DubboHessian
import Foundation
import NIOCore

/// Limits well below the defaults so that the fuzzer hits them with small inputs.
let fuzzLimits = HessianDecodingLimits(
  maxDepth: 24,
  maxCollectionCount: 1024,
  maxStringLength: 8192,
  maxBinaryLength: 8192,
  maxClassDefinitions: 64,
  maxFieldsPerClass: 32,
  maxReferenceExpansion: 16384
)

/// Set `HESSIAN_FUZZ_VERBOSE=1` to print what each input decodes to (for checking seeds).
let verbose = ProcessInfo.processInfo.environment["HESSIAN_FUZZ_VERBOSE"] != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func hessianDecoderFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var buffer = ByteBufferAllocator().buffer(capacity: size)
  if let data, size > 0 {
    buffer.writeBytes(UnsafeRawBufferPointer(start: data, count: size))
  }
  fuzzValues(buffer)
  fuzzTyped(buffer, as: FuzzPojo?.self, label: "FuzzPojo?", equal: optionalPojoEqual)
  fuzzTyped(buffer, as: [String].self, label: "[String]", equal: stringListEqual)
  return 0
}

// MARK: - Untyped values

func fuzzValues(_ input: ByteBuffer) {
  var decoder = HessianDecoder(buffer: input, limits: fuzzLimits)
  var count = 0
  while !decoder.isAtEnd {
    let before = decoder.offset
    let value: HessianValue
    do {
      value = try decoder.decodeValue()
    } catch {
      checkError(error, inputSize: input.readableBytes, context: "HessianValue #\(count)")
      if verbose { print("  value #\(count): \(error)") }
      return
    }
    precondition(decoder.offset > before, "decodeValue() succeeded without consuming input at byte \(before)")
    if verbose { print("  value #\(count): \(value)") }
    count += 1
    checkRoundTrip(value)
  }
}

func checkRoundTrip(_ value: HessianValue) {
  guard !containsReference(value) else { return }
  let first = encode(value)
  let decoded: HessianValue
  do {
    var decoder = HessianDecoder(buffer: first, limits: fuzzLimits)
    decoded = try decoder.decodeValue()
    precondition(decoder.isAtEnd, "re-encoded value left \(decoder.remainingBytes) bytes unread")
  } catch {
    preconditionFailure("re-encoded value does not decode: \(error)\nvalue: \(value)\nbytes: \(hex(first))")
  }
  precondition(
    valueEqual(value, decoded),
    "round trip changed the value\nbefore: \(value)\nafter:  \(decoded)\nbytes: \(hex(first))")
  let second = encode(decoded)
  precondition(first == second, "re-encoding is not stable\nfirst:  \(hex(first))\nsecond: \(hex(second))")
}

func encode<Value: HessianEncodable>(_ value: Value) -> ByteBuffer {
  var encoder = HessianEncoder(capacity: 1024)
  encoder.encode(value)
  return encoder.buffer
}

func containsReference(_ value: HessianValue) -> Bool {
  switch value {
  case .reference: return true
  case .list(let list): return list.elements.contains(where: containsReference)
  case .map(let map): return map.entries.contains { containsReference($0.key) || containsReference($0.value) }
  case .object(let object): return object.fields.contains { containsReference($0.value) }
  default: return false
  }
}

// MARK: - Typed values

func fuzzTyped<Value: HessianCodable>(
  _ input: ByteBuffer,
  as type: Value.Type,
  label: String,
  equal: (Value, Value) -> Bool
) {
  var decoder = HessianDecoder(buffer: input, limits: fuzzLimits)
  var count = 0
  while !decoder.isAtEnd {
    let before = decoder.offset
    let value: Value
    do {
      value = try decoder.decode(Value.self)
    } catch {
      checkError(error, inputSize: input.readableBytes, context: "\(label) #\(count)")
      if verbose { print("  \(label) #\(count): \(error)") }
      return
    }
    precondition(decoder.offset > before, "decode(\(label)) succeeded without consuming input at byte \(before)")
    if verbose { print("  \(label) #\(count): \(value)") }
    count += 1

    let bytes = encode(value)
    do {
      var again = HessianDecoder(buffer: bytes, limits: fuzzLimits)
      let decoded = try again.decode(Value.self)
      precondition(again.isAtEnd, "re-encoded \(label) left \(again.remainingBytes) bytes unread")
      precondition(
        equal(value, decoded),
        "\(label) round trip changed the value\nbefore: \(value)\nafter:  \(decoded)\nbytes: \(hex(bytes))")
    } catch {
      preconditionFailure("re-encoded \(label) does not decode: \(error)\nvalue: \(value)\nbytes: \(hex(bytes))")
    }
  }
}

func checkError(_ error: any Error, inputSize: Int, context: @autoclosure () -> String) {
  guard let error = error as? HessianError else {
    preconditionFailure("\(context()): decoder threw a non-HessianError: \(type(of: error)): \(error)")
  }
  precondition(
    (0...inputSize).contains(error.offset),
    "\(context()): error offset \(error.offset) outside the input (\(inputSize) bytes): \(error)")
}

// MARK: - Equality for the round trip

/// Bit-pattern equality, except that hessian-lite's writer turns -0.0 into 0.0.
func doubleEqual(_ a: Double, _ b: Double) -> Bool {
  a.bitPattern == b.bitPattern || (a == 0 && b == 0)
}

/// Same Unicode scalars (Swift's `==` on strings only checks canonical equivalence).
func stringEqual(_ a: String, _ b: String) -> Bool {
  a.utf8.elementsEqual(b.utf8)
}

func valueEqual(_ a: HessianValue, _ b: HessianValue) -> Bool {
  switch (a, b) {
  case (.null, .null): return true
  case (.bool(let x), .bool(let y)): return x == y
  case (.int(let x), .int(let y)): return x == y
  case (.long(let x), .long(let y)): return x == y
  case (.double(let x), .double(let y)): return doubleEqual(x, y)
  case (.string(let x), .string(let y)): return stringEqual(x, y)
  case (.binary(let x), .binary(let y)): return x == y
  case (.date(let x), .date(let y)): return x == y
  case (.reference(let x), .reference(let y)): return x == y
  case (.list(let x), .list(let y)):
    return optionalStringEqual(x.type, y.type) && x.elements.count == y.elements.count
      && zip(x.elements, y.elements).allSatisfy(valueEqual)
  case (.map(let x), .map(let y)):
    return optionalStringEqual(x.type, y.type) && x.entries.count == y.entries.count
      && zip(x.entries, y.entries).allSatisfy { valueEqual($0.key, $1.key) && valueEqual($0.value, $1.value) }
  case (.object(let x), .object(let y)):
    return stringEqual(x.className, y.className) && x.fields.count == y.fields.count
      && zip(x.fields, y.fields).allSatisfy { stringEqual($0.name, $1.name) && valueEqual($0.value, $1.value) }
  default: return false
  }
}

func optionalStringEqual(_ a: String?, _ b: String?) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let x?, let y?): return stringEqual(x, y)
  default: return false
  }
}

func stringListEqual(_ a: [String], _ b: [String]) -> Bool {
  a.count == b.count && zip(a, b).allSatisfy(stringEqual)
}

func optionalPojoEqual(_ a: FuzzPojo?, _ b: FuzzPojo?) -> Bool {
  switch (a, b) {
  case (nil, nil): return true
  case (let x?, let y?): return pojoEqual(x, y)
  default: return false
  }
}

func pojoEqual(_ a: FuzzPojo, _ b: FuzzPojo) -> Bool {
  stringEqual(a.name, b.name) && a.id == b.id && a.kind == b.kind
    && optionalPojoEqual(a.child, b.child)
    && a.scores.count == b.scores.count
    && a.scores.allSatisfy { key, value in b.scores[key] == value }
    && a.samples.count == b.samples.count && zip(a.samples, b.samples).allSatisfy(doubleEqual)
    && a.active == b.active && a.level == b.level && floatEqual(a.ratio, b.ratio)
    && a.payload == b.payload && a.created == b.created
    && a.tags.count == b.tags.count && a.tags.allSatisfy { tag in b.tags.contains { stringEqual($0, tag) } }
}

/// Like `doubleEqual`; any NaN matches any NaN (widening to Double may quiet a signalling NaN).
func floatEqual(_ a: Float, _ b: Float) -> Bool {
  a.bitPattern == b.bitPattern || (a == 0 && b == 0) || (a.isNaN && b.isNaN)
}

func hex(_ buffer: ByteBuffer) -> String {
  buffer.readableBytesView.map { String(format: "%02X", $0) }.joined(separator: " ")
}
