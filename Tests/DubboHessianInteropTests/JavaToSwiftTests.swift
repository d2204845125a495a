import DubboHessian
import NIOCore
import Testing

/// Java → Swift: Caucho's bytes (`encode`) read by our decoder.
@Suite("Java → Swift: Caucho's bytes decoded by DubboHessian")
struct JavaToSwiftTests {
  @Test("decodes into the Swift types and matches the expected values", arguments: InteropCases.all)
  func decodesIntoSwiftTypes(_ interopCase: InteropCase) async throws {
    let bytes = try await CauchoHarness.shared.cauchoFiles().bytes(of: interopCase.name)
    for problem in Self.typedProblems(interopCase, bytes: bytes) {
      Issue.record("\(interopCase.name): \(problem)")
    }
  }

  @Test("decodes into HessianValue, consuming everything", arguments: InteropCases.all)
  func decodesIntoHessianValue(_ interopCase: InteropCase) async throws {
    let bytes = try await CauchoHarness.shared.cauchoFiles().bytes(of: interopCase.name)
    for problem in Self.dynamicProblems(interopCase, cauchoBytes: bytes) {
      Issue.record("\(interopCase.name): \(problem)")
    }
  }

  /// Decodes every value of the case into its Swift type and compares it with the expectation;
  /// the stream must then be fully consumed.
  static func typedProblems(_ interopCase: InteropCase, bytes: [UInt8]) -> [String] {
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
    var problems: [String] = []
    for (index, value) in interopCase.values.enumerated() {
      do {
        if let difference = try value.verify(&decoder) { problems.append("value[\(index)]: \(difference)") }
      } catch {
        return problems + ["value[\(index)] (of \(interopCase.values.count)): decoding threw \(error)"]
      }
    }
    if !decoder.isAtEnd {
      problems.append(
        "\(decoder.remainingBytes) unread byte(s) after the \(interopCase.values.count) value(s) "
          + "(stream is \(bytes.count) bytes)")
    }
    return problems
  }

  /// Decodes every value of the case into `HessianValue` (which must not throw and must consume the
  /// stream) and compares the result with our own encoding decoded the same way (Caucho field
  /// order for F cases); N cases, whose stack traces differ, only need to decode.
  static func dynamicProblems(_ interopCase: InteropCase, cauchoBytes: [UInt8]) -> [String] {
    let caucho: (values: [HessianValue], isAtEnd: Bool)
    do {
      caucho = try interopCase.dynamicValues(of: cauchoBytes)
    } catch {
      return ["decoding into HessianValue threw \(error)"]
    }
    var problems: [String] = []
    if !caucho.isAtEnd { problems.append("bytes left after \(interopCase.values.count) HessianValue(s)") }
    guard interopCase.identity != .notReproducible else { return problems }
    let ours: [HessianValue]
    do {
      ours = try interopCase.dynamicValues(of: interopCase.encoded(order: .caucho)).values
    } catch {
      return problems + ["decoding our own encoding into HessianValue threw \(error)"]
    }
    for (index, (expected, actual)) in zip(ours, caucho.values).enumerated() {
      if let difference = Mismatch.firstDifference(expected, actual, path: "value[\(index)]") {
        problems.append("HessianValue differs from our own encoding's: \(difference)")
      }
    }
    return problems
  }
}
