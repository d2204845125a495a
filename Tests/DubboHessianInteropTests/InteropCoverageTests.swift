import DubboHessian
import Testing

/// How many cases each direction checked, so that a shrinking (or growing) catalogue fails and the
/// numbers show in the test log.
@Suite("Interop coverage")
struct InteropCoverageTests {
  /// The number of cases in CASES.md.
  static let expectedCaseCount = 70

  @Test("the Swift mirror has every case of CASES.md, numbered in order")
  func mirrorIsComplete() {
    #expect(InteropCases.all.count == Self.expectedCaseCount)
    #expect(InteropCases.all.map(\.number) == Array(1...InteropCases.all.count))
    #expect(Set(InteropCases.all.map(\.name)).count == InteropCases.all.count, "case names must be unique")
  }

  @Test("Java → Swift and byte identity: every case Caucho wrote was checked")
  func javaToSwiftCounts() async throws {
    let files = try await CauchoHarness.shared.cauchoFiles()
    #expect(files.caseNames.count == Self.expectedCaseCount)
    Self.expectSameCases(harness: files.caseNames, source: "Caucho's encode")
    var typed = 0
    var dynamic = 0
    var identical: [ByteIdentity: (checked: Int, passed: Int)] = [:]
    for interopCase in InteropCases.all {
      let bytes = try files.bytes(of: interopCase.name)
      if JavaToSwiftTests.typedProblems(interopCase, bytes: bytes).isEmpty { typed += 1 }
      if JavaToSwiftTests.dynamicProblems(interopCase, cauchoBytes: bytes).isEmpty { dynamic += 1 }
      let passed = ByteIdentityTests.problems(interopCase, cauchoBytes: bytes).isEmpty
      identical[interopCase.identity, default: (0, 0)].checked += 1
      if passed { identical[interopCase.identity, default: (0, 0)].passed += 1 }
    }
    let total = InteropCases.all.count
    let identity = [ByteIdentity.identical, .cauchoFieldOrder, .bufferChunking, .notReproducible].map {
      "\($0.rawValue) \(identical[$0]?.passed ?? 0)/\(identical[$0]?.checked ?? 0)"
    }
    print("Java → Swift: \(typed)/\(total) cases decode into the Swift types, \(dynamic)/\(total) into HessianValue")
    print("Byte identity with Caucho: \(identity.joined(separator: ", "))")
    #expect(typed == Self.expectedCaseCount)
    #expect(dynamic == Self.expectedCaseCount)
    #expect(identical.values.map(\.passed).reduce(0, +) == Self.expectedCaseCount)
  }

  @Test("Swift → Java: Caucho judged every case")
  func swiftToJavaCounts() async throws {
    let report = try await CauchoHarness.shared.javaDecodeReport()
    print("Swift → Java: \(report.passed) passed, \(report.failed) failed (Caucho's decode)")
    #expect(report.verdicts.count == Self.expectedCaseCount)
    Self.expectSameCases(harness: report.verdicts.map(\.name), source: "decode")
    #expect(report.passed + report.failed == report.verdicts.count)
    #expect(report.passed == Self.expectedCaseCount)
    #expect(report.status == 0, "decode exits 0 only when every case passed")
  }

  /// Fails for every case the harness has and the mirror lacks, and the other way round.
  static func expectSameCases(harness: [String], source: String) {
    let mirror = Set(InteropCases.all.map(\.name))
    let java = Set(harness)
    #expect(java.subtracting(mirror).sorted() == [], "cases of \(source) without a Swift mirror")
    #expect(mirror.subtracting(java).sorted() == [], "Swift cases that \(source) does not know")
  }
}
