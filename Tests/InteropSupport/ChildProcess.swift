import Foundation

/// What a finished child process left behind.
public struct ChildProcessResult: Sendable {
  /// The exit status, or the signal number when ``wasKilled``.
  public var status: Int32
  /// Everything it wrote to standard output.
  public var stdout: String
  /// Everything it wrote to standard error.
  public var stderr: String
  /// Whether it ended by a signal (for example the time limit).
  public var wasKilled: Bool
}

/// A program the interop tests run: a JVM with a harness, or a Python client.
public enum ChildProcess {
  /// The executable called `name` on `PATH`, if any.
  public static func find(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").lazy
      .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Runs `executable` to completion without blocking a thread: the exit arrives through the
  /// termination handler, and the output goes to files, so a large output cannot stall it.
  /// - Parameters:
  ///   - directory: the working directory; the current one when `nil`.
  ///   - environment: added to this process's environment.
  ///   - timeout: after this long the process is terminated.
  public static func run(
    _ executable: URL,
    _ arguments: [String],
    directory: URL? = nil,
    environment: [String: String] = [:],
    timeout: Duration = .seconds(300)
  ) async throws -> ChildProcessResult {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dubbo-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let stdoutURL = scratch.appendingPathComponent("stdout")
    let stderrURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
    let stdout = try FileHandle(forWritingTo: stdoutURL)
    let stderr = try FileHandle(forWritingTo: stderrURL)
    defer {
      try? stdout.close()
      try? stderr.close()
    }

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = stdout
    process.standardError = stderr
    let watchdog = Task {
      try await Task.sleep(for: timeout)
      process.terminate()
    }
    defer { watchdog.cancel() }
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
      process.terminationHandler = { _ in continuation.resume() }
      do {
        try process.run()
      } catch {
        process.terminationHandler = nil
        continuation.resume(throwing: error)
      }
    }
    return ChildProcessResult(
      status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self),
      wasKilled: process.terminationReason == .uncaughtSignal
    )
  }
}

extension ChildProcessResult {
  /// Both streams, labelled, for failure messages.
  public var output: String { "--- stdout:\n\(stdout)--- stderr:\n\(stderr)" }
}
