import DubboHessian
import Testing

/// Swift → Java: our encoder's bytes (hessian-lite field order, what Dubbo Java sends) read by
/// Caucho's `Hessian2Input` in the harness's `decode`, which compares them with the Java values.
@Suite("Swift → Java: DubboHessian's bytes decoded by Caucho")
struct SwiftToJavaTests {
  @Test("Caucho decodes our encoding into the expected Java values", arguments: InteropCases.all)
  func cauchoDecodesOurEncoding(_ interopCase: InteropCase) async throws {
    let report = try await CauchoHarness.shared.javaDecodeReport()
    switch report.verdict(of: interopCase.name) {
    case .pass:
      break
    case .fail(let detail):
      Issue.record("Java decode FAIL \(interopCase.name): \(detail)")
    case .missing:
      Issue.record("Java decode reports MISSING \(interopCase.name)")
    case nil:
      Issue.record("the harness's decode knows no case \(interopCase.name); its output:\n\(report.output)")
    }
  }
}
