import Foundation
import InteropSupport

/// A failure of the Java side or of its tools, reported as a test failure (never a skip).
struct HarnessFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A Java program under `Tests/InteropHarness` run against Caucho Hessian 4.0.38
/// (`/usr/share/java/hessian.jar`): compiled once, `encode DIR` run once (Caucho writes one
/// `<case>.bin` per case) and `decode DIR` run once (Caucho reads the files the Swift side wrote and
/// prints `PASS <case>` / `FAIL <case>: …` / `MISSING <case>`).
actor CauchoHarness {
  /// `java-dubbo-bodies`: whole Dubbo bodies the way Java Dubbo's `DubboCodec` writes them.
  static let dubboBodies = CauchoHarness(
    name: "bodies",
    sources: "Tests/InteropHarness/java-dubbo-bodies",
    mainClass: "org.apache.dubbo.swift.interop.bodies.DubboBodies"
  ) { try Dictionary(uniqueKeysWithValues: DubboBodyCase.allCases.map { ($0.rawValue, try $0.swiftBody()) }) }

  /// `java-users`: the generated UserService types against Java POJOs, with hessian-lite's
  /// `LocalDateHandle` from the value harness.
  static let userService = CauchoHarness(
    name: "users",
    sources: "Tests/InteropHarness/java-users",
    extraSources: ["Tests/InteropHarness/java/com/alibaba/com/caucho/hessian/io/java8/LocalDateHandle.java"],
    mainClass: "org.apache.dubbo.swift.interop.users.UserServiceInterop"
  ) { try Dictionary(uniqueKeysWithValues: UserCallCase.allCases.map { ($0.rawValue, try $0.swiftBytes()) }) }

  /// The output of `decode`: its verdict per case (`PASS` or `FAIL: …`) and the whole text.
  struct Verdicts: Sendable {
    var lines: [String: String] = [:]
    var output: String
  }

  static let hessianJar = "/usr/share/java/hessian.jar"
  static let javaOptions = [
    "--add-opens", "java.base/java.lang=ALL-UNNAMED",
    "--add-opens", "java.base/java.math=ALL-UNNAMED",
  ]
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  let sources: URL
  let extraSources: [URL]
  let mainClass: String
  let swiftFiles: @Sendable () throws -> [String: [UInt8]]
  /// Classes, both sides' files and the JVM output; removed once `encode` and `decode` have run.
  let workDirectory: URL

  private var compileTask: Task<URL, any Error>?
  private var encodeTask: Task<[String: [UInt8]], any Error>?
  private var decodeTask: Task<Verdicts, any Error>?
  private var finishedSteps = 0

  /// - Parameters:
  ///   - sources: the harness's source root, relative to the repository.
  ///   - extraSources: more Java files to compile with it, relative to the repository.
  ///   - swiftFiles: what the Swift side writes for each case, by case name.
  init(
    name: String,
    sources: String,
    extraSources: [String] = [],
    mainClass: String,
    swiftFiles: @escaping @Sendable () throws -> [String: [UInt8]]
  ) {
    self.sources = Self.repositoryRoot.appendingPathComponent(sources)
    self.extraSources = extraSources.map { Self.repositoryRoot.appendingPathComponent($0) }
    self.mainClass = mainClass
    self.swiftFiles = swiftFiles
    workDirectory = FileManager.default.temporaryDirectory
      .appendingPathComponent("dubbo-swift-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
  }

  /// What Caucho wrote for the case `name`.
  func cauchoBytes(_ name: String) async throws -> [UInt8] {
    if encodeTask == nil { encodeTask = Task { try await encode() } }
    guard let bytes = try await encodeTask!.value[name] else {
      throw HarnessFailure("\(mainClass) encode wrote no \(name).bin")
    }
    return bytes
  }

  /// How Caucho judged the Swift side's files.
  func javaVerdicts() async throws -> Verdicts {
    if decodeTask == nil { decodeTask = Task { try await decode() } }
    return try await decodeTask!.value
  }

  private func classes() async throws -> URL {
    if compileTask == nil { compileTask = Task { try await compile() } }
    return try await compileTask!.value
  }

  private func compile() async throws -> URL {
    guard FileManager.default.fileExists(atPath: Self.hessianJar) else {
      throw HarnessFailure("\(Self.hessianJar) not found (Debian libhessian-java); run scripts/test.sh")
    }
    let files =
      FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
      .compactMap { $0 as? URL }.filter { $0.pathExtension == "java" }.map(\.path).sorted() ?? []
    guard !files.isEmpty else { throw HarnessFailure("no .java files under \(sources.path)") }
    let classes = workDirectory.appendingPathComponent("classes")
    try FileManager.default.createDirectory(at: classes, withIntermediateDirectories: true)
    let result = try await run(
      "javac", ["-d", classes.path, "-cp", Self.hessianJar] + files + extraSources.map(\.path))
    guard result.status == 0 else { throw HarnessFailure("javac failed (\(result.status)):\n\(result.output)") }
    return classes
  }

  private func encode() async throws -> [String: [UInt8]] {
    defer { finishStep() }
    let directory = workDirectory.appendingPathComponent("caucho")
    let result = try await runHarness("encode", directory)
    guard result.status == 0 else { throw HarnessFailure("encode failed (\(result.status)):\n\(result.output)") }
    var files: [String: [UInt8]] = [:]
    for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".bin") {
      let data = try Data(contentsOf: directory.appendingPathComponent(file))
      files[String(file.dropLast(4))] = [UInt8](data)
    }
    return files
  }

  private func decode() async throws -> Verdicts {
    defer { finishStep() }
    let directory = workDirectory.appendingPathComponent("swift")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (name, bytes) in try swiftFiles() {
      try Data(bytes).write(to: directory.appendingPathComponent("\(name).bin"))
    }
    let result = try await runHarness("decode", directory)
    // Status 1 only means that some case failed; the verdicts say which.
    guard result.status == 0 || result.status == 1 else {
      throw HarnessFailure("decode failed (\(result.status)):\n\(result.output)")
    }
    var verdicts = Verdicts(output: result.output)
    for line in result.stdout.split(separator: "\n") {
      if let match = line.wholeMatch(of: /(PASS|FAIL|MISSING) ([a-z-]+)(: .*)?/) {
        verdicts.lines[String(match.2)] = String(match.1) + (match.3.map(String.init) ?? "")
      }
    }
    return verdicts
  }

  private func finishStep() {
    finishedSteps += 1
    if finishedSteps == 2 { try? FileManager.default.removeItem(at: workDirectory) }
  }

  private func runHarness(_ command: String, _ directory: URL) async throws -> ChildProcessResult {
    let classPath = "\(try await classes().path):\(Self.hessianJar)"
    return try await run("java", Self.javaOptions + ["-cp", classPath, mainClass, command, directory.path])
  }

  /// Runs a tool found on `PATH` to completion.
  private func run(_ tool: String, _ arguments: [String]) async throws -> ChildProcessResult {
    guard let executable = ChildProcess.find(tool) else {
      throw HarnessFailure("`\(tool)` not found on PATH: needs a JDK 17 (openjdk-17-jdk-headless); run scripts/test.sh")
    }
    return try await ChildProcess.run(executable, arguments)
  }
}
