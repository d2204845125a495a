import DubboHessian
import Testing

/// Our bytes compared with Caucho's, per the byte-identity column of CASES.md: Y cases exactly;
/// F cases exactly when our POJOs write Caucho's field order; B and N cases structurally.
@Suite("Byte identity with Caucho")
struct ByteIdentityTests {
  @Test("our encoding matches Caucho's bytes", arguments: InteropCases.all)
  func matchesCauchoBytes(_ interopCase: InteropCase) async throws {
    let bytes = try await CauchoHarness.shared.cauchoFiles().bytes(of: interopCase.name)
    for problem in Self.problems(interopCase, cauchoBytes: bytes) {
      Issue.record("\(interopCase.name) [\(interopCase.identity.rawValue)]: \(problem)")
    }
  }

  static func problems(_ interopCase: InteropCase, cauchoBytes: [UInt8]) -> [String] {
    switch interopCase.identity {
    case .identical, .cauchoFieldOrder:
      let order: FieldOrder = interopCase.identity == .identical ? .hessianLite : .caucho
      let ours = interopCase.encoded(order: order)
      guard
        let diff = Mismatch.hexDiff(expected: cauchoBytes, actual: ours, expectedName: "Caucho", actualName: "Swift")
      else { return [] }
      return ["our bytes (\(order)) differ from Caucho's: \(diff)"]
    case .bufferChunking, .notReproducible:
      return structuralProblems(interopCase, cauchoBytes: cauchoBytes)
    }
  }

  /// B: our bytes and Caucho's decode into the same `HessianValue`s (only the binary chunking may
  /// differ). N (Throwables, where Caucho writes the JVM's stack trace, JDK 17's
  /// `StackTraceElement` fields, a self-reference for "no cause" and the JDK's empty-list sentinel):
  /// our bytes must decode into the same expected Swift values as Caucho's (the case's own
  /// comparison) and the top-level values must be objects of the same Java classes.
  static func structuralProblems(_ interopCase: InteropCase, cauchoBytes: [UInt8]) -> [String] {
    let ours = interopCase.encoded(order: .hessianLite)
    let caucho: [HessianValue]
    let swift: [HessianValue]
    do {
      caucho = try interopCase.dynamicValues(of: cauchoBytes).values
      swift = try interopCase.dynamicValues(of: ours).values
    } catch {
      return ["decoding into HessianValue threw \(error)"]
    }
    switch interopCase.identity {
    case .notReproducible:
      var problems = JavaToSwiftTests.typedProblems(interopCase, bytes: ours).map {
        "our own bytes do not decode into the expected value: \($0)"
      }
      for (index, (expected, actual)) in zip(caucho, swift).enumerated() {
        if case .object(let expected) = expected, case .object(let actual) = actual,
          expected.className == actual.className
        {
          continue
        }
        problems.append(
          "value[\(index)]: not an object of Caucho's class: \(Mismatch.describe(expected: expected, actual: actual))")
      }
      return problems
    default:
      return zip(caucho, swift).enumerated().compactMap { index, pair in
        Mismatch.firstDifference(pair.0, pair.1, path: "value[\(index)]").map {
          "structure differs from Caucho's: \($0)"
        }
      }
    }
  }
}
