import Testing

@testable import DubboCLI

/// Damaged payloads: decoding either fails with an error or prints JSON that encodes to bytes
/// which decode to the same JSON again.
@Suite struct MutatedPayloadTests {
  @Test(arguments: ["dubbo-request-body.bin", "user.bin"])
  func damagedExamplesDecodeOrFailCleanly(_ name: String) throws {
    let original = try Repository.example(name)
    var random = SplitMix64(seed: 7)
    var decoded = 0
    for _ in 0..<Self.iterations {
      var bytes = original
      for _ in 0...Int.random(in: 0...2, using: &random) {
        let index = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0...2, using: &random) {
        case 0: bytes[index] = UInt8.random(in: 0...255, using: &random)
        case 1: bytes.remove(at: index)
        default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: index)
        }
        if bytes.isEmpty { bytes = [0x4E] }
      }
      guard let json = try? decodeToJSON(bytes) else { continue }
      decoded += 1
      let again = try decodeToJSON(try encodeFromJSON(json))
      #expect(again == json, "from \(Hex.string(bytes))")
    }
    #expect(decoded > 0)
  }

  static let iterations = 400
}
