import Foundation
import InteropSupport

/// Runs the Java side of the interop test (`Tests/InteropHarness`, Caucho Hessian 4.0.38) for the
/// test process: compiles it once, runs `encode` once (Caucho's bytes for every case) and `decode`
/// once (Caucho reading the bytes of our encoder for every case). Each step is a cached task, so the
/// tests of all suites share one JVM per command.
///
/// A missing `java`, `javac` or `hessian.jar` fails the tests that need them; it never skips them.
actor CauchoHarness {
  static let shared = CauchoHarness()

  static let hessianJar = URL(fileURLWithPath: "/usr/share/java/hessian.jar")
  static let mainClass = "org.apache.dubbo.swift.interop.HessianInterop"
  static let javaOptions = [
    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
    "--add-opens", "java.base/java.math=ALL-UNNAMED",
  ]

  /// The repository root, found from this file's path (`<root>/Tests/DubboHessianInteropTests/…`).
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  static let harnessSources = repositoryRoot.appendingPathComponent("Tests/InteropHarness/java")

  /// This process's scratch directory: compiled classes, Caucho's files, our files, JVM output.
  /// Removed once both `encode` and `decode` have run.
  let workDirectory = FileManager.default.temporaryDirectory
    .appendingPathComponent("dubbo-swift-interop-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")

  private var compileTask: Task<URL, any Error>?
  private var encodeTask: Task<CauchoFiles, any Error>?
  private var decodeTask: Task<JavaDecodeReport, any Error>?
  private var finishedSteps = 0

  /// The compiled harness classes.
  func classesDirectory() async throws -> URL {
    if let compileTask { return try await compileTask.value }
    let task = Task { try await compile() }
    compileTask = task
    return try await task.value
  }

  /// Caucho's bytes for every case (`encode`), read once.
  func cauchoFiles() async throws -> CauchoFiles {
    if let encodeTask { return try await encodeTask.value }
    let task = Task { try await runEncode() }
    encodeTask = task
    return try await task.value
  }

  /// Caucho's verdicts on the bytes our encoder writes for every case (`decode`).
  func javaDecodeReport() async throws -> JavaDecodeReport {
    if let decodeTask { return try await decodeTask.value }
    let task = Task { try await runDecode() }
    decodeTask = task
    return try await task.value
  }

  // MARK: Steps

  private func compile() async throws -> URL {
    let javac = try Self.tool("javac")
    guard FileManager.default.fileExists(atPath: Self.hessianJar.path) else {
      throw HarnessError(
        "\(Self.hessianJar.path) not found: the interop tests need Caucho Hessian (Debian libhessian-java); "
          + "run scripts/test.sh, which installs it")
    }
    let sources = try Self.javaSources()
    guard !sources.isEmpty else { throw HarnessError("no .java files under \(Self.harnessSources.path)") }
    let classes = workDirectory.appendingPathComponent("classes")
    try FileManager.default.createDirectory(at: classes, withIntermediateDirectories: true)
    let result = try await ChildProcess.run(
      javac, ["-d", classes.path, "-cp", Self.hessianJar.path] + sources.map(\.path))
    guard result.status == 0 else {
      throw HarnessError("javac failed with status \(result.status):\n\(result.stderr)\(result.stdout)")
    }
    return classes
  }

  private func runEncode() async throws -> CauchoFiles {
    let directory = workDirectory.appendingPathComponent("caucho")
    defer { finishStep() }
    let result = try await runHarness("encode", directory)
    guard result.status == 0 else {
      throw HarnessError("HessianInterop encode failed with status \(result.status):\n\(result.stderr)\(result.stdout)")
    }
    return try CauchoFiles(directory: directory)
  }

  private func runDecode() async throws -> JavaDecodeReport {
    defer { finishStep() }
    let directory = workDirectory.appendingPathComponent("swift")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for interopCase in InteropCases.all {
      let bytes = interopCase.encoded(order: .hessianLite)
      try Data(bytes).write(to: directory.appendingPathComponent("\(interopCase.name).bin"))
    }
    let result = try await runHarness("decode", directory)
    // Exit status 1 only means "some case failed"; anything else is a harness failure.
    guard result.status == 0 || result.status == 1 else {
      throw HarnessError("HessianInterop decode failed with status \(result.status):\n\(result.stderr)\(result.stdout)")
    }
    return try JavaDecodeReport(output: result.stdout, status: result.status)
  }

  /// Removes the scratch directory once both JVM steps are done (with a `--filter` that runs only
  /// one direction it stays in the temporary directory).
  private func finishStep() {
    finishedSteps += 1
    if finishedSteps == 2 { try? FileManager.default.removeItem(at: workDirectory) }
  }

  private func runHarness(_ command: String, _ directory: URL) async throws -> ChildProcessResult {
    let classes = try await classesDirectory()
    let java = try Self.tool("java")
    let classPath = "\(classes.path):\(Self.hessianJar.path)"
    return try await ChildProcess.run(
      java,
      Self.javaOptions + ["-cp", classPath, Self.mainClass, command, directory.path]
    )
  }

  /// Finds an executable on `PATH`.
  private static func tool(_ name: String) throws -> URL {
    if let tool = ChildProcess.find(name) { return tool }
    throw HarnessError(
      "`\(name)` not found on PATH: the interop tests need a JDK 17 (Debian openjdk-17-jdk-headless) "
        + "and Caucho Hessian (libhessian-java); run scripts/test.sh, which installs them")
  }

  private static func javaSources() throws -> [URL] {
    guard let files = FileManager.default.enumerator(at: harnessSources, includingPropertiesForKeys: nil) else {
      throw HarnessError("cannot list \(harnessSources.path)")
    }
    return files.compactMap { $0 as? URL }.filter { $0.pathExtension == "java" }
      .sorted { $0.path < $1.path }
  }
}

/// A failure of the harness itself (tools missing, the JVM failing), reported as a test failure.
struct HarnessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// The files Caucho's `encode` wrote, `<case>.bin` per case, read into memory.
struct CauchoFiles: Sendable {
  private let files: [String: [UInt8]]

  init(directory: URL) throws {
    var files: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".bin") {
      guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
        throw HarnessError("cannot read \(name) written by Caucho's encode in \(directory.path)")
      }
      files[String(name.dropLast(4))] = [UInt8](data)
    }
    self.files = files
  }

  /// The case names, from the file names, sorted.
  var caseNames: [String] { files.keys.sorted() }

  /// Caucho's bytes for `name`.
  func bytes(of name: String) throws -> [UInt8] {
    guard let bytes = files[name] else {
      throw HarnessError("Caucho's encode wrote no \(name).bin (cases written: \(files.count))")
    }
    return bytes
  }
}

/// The output of the harness's `decode`: one verdict per case and the summary line.
struct JavaDecodeReport: Sendable {
  enum Verdict: Sendable, Equatable {
    case pass
    case fail(String)
    case missing
  }

  /// The verdicts in output order.
  let verdicts: [(name: String, verdict: Verdict)]
  let passed: Int
  let failed: Int
  let status: Int32
  let output: String

  init(output: String, status: Int32) throws {
    var verdicts: [(name: String, verdict: Verdict)] = []
    var summary: (passed: Int, failed: Int)?
    for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("PASS ") {
        verdicts.append((String(line.dropFirst(5)), .pass))
      } else if line.hasPrefix("MISSING ") {
        verdicts.append((String(line.dropFirst(8)), .missing))
      } else if line.hasPrefix("FAIL ") {
        let rest = line.dropFirst(5)
        guard let colon = rest.range(of: ": ") else { throw HarnessError("unparsable decode line: \(line)") }
        verdicts.append((String(rest[..<colon.lowerBound]), .fail(String(rest[colon.upperBound...]))))
      } else if let match = line.wholeMatch(of: /(\d+) passed, (\d+) failed/) {
        summary = (Int(match.1)!, Int(match.2)!)
      } else {
        throw HarnessError("unexpected line in the output of decode: \(line)")
      }
    }
    guard let summary else { throw HarnessError("decode printed no summary line; its output:\n\(output)") }
    self.verdicts = verdicts
    self.passed = summary.passed
    self.failed = summary.failed
    self.status = status
    self.output = output
  }

  func verdict(of name: String) -> Verdict? {
    verdicts.first { $0.name == name }?.verdict
  }
}
