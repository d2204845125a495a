import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

  /// Runs `executable` to completion without blocking a Swift concurrency thread: the child is
  /// started with `posix_spawn` and reaped by `waitpid` on a thread of its own (Foundation's
  /// `Process.terminationHandler` was seen never to fire when several children ran at once), and
  /// the output goes to files, so a large output cannot stall it.
  /// - Parameters:
  ///   - environment: added to this process's environment.
  ///   - timeout: after this long the process is terminated.
  ///   - started: called with the process id once the process runs (to signal it).
  public static func run(
    _ executable: URL,
    _ arguments: [String],
    environment: [String: String] = [:],
    timeout: Duration = .seconds(300),
    started: (pid_t) -> Void = { _ in }
  ) async throws -> ChildProcessResult {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dubbo-child-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let stdoutURL = scratch.appendingPathComponent("stdout")
    let stderrURL = scratch.appendingPathComponent("stderr")

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderrURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    // The child must not inherit this process's sockets: a listening socket kept open by a JVM
    // would keep answering connects after its server closed it.
    closeInheritedDescriptors(&actions)
    let fullEnvironment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
    let envp = fullEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    // The child starts with no signal blocked and default handlers, whatever the spawning thread
    // had: otherwise it inherits the runtime's blocked SIGTERM and the time limit cannot stop it.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaultSignals = sigset_t()
    sigemptyset(&defaultSignals)
    for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE] { sigaddset(&defaultSignals, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var spawnedPID = pid_t()
    let spawned = posix_spawn(&spawnedPID, executable.path, &actions, &attributes, argv, envp)
    let pid = spawnedPID
    guard spawned == 0 else {
      throw ChildProcessError("could not start \(executable.path): \(String(cString: strerror(spawned)))")
    }
    started(pid)

    let watchdog = Task {
      try await Task.sleep(for: timeout)
      kill(pid, SIGTERM)
    }
    defer { watchdog.cancel() }
    let status = await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
      Thread {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        continuation.resume(returning: status)
      }.start()
    }
    let signal = status & 0x7F
    return ChildProcessResult(
      status: signal == 0 ? (status >> 8) & 0xFF : signal,
      stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self),
      wasKilled: signal != 0
    )
  }
}

/// Adds to `actions` the closing of every descriptor above standard error: with glibc's
/// `posix_spawn_file_actions_addclosefrom_np` (2.34+, not in Swift's Glibc module), else one
/// `addclose` per descriptor open now.
private func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
  typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
  if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
    _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    return
  }
  let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
  for descriptor in open.compactMap(Int32.init) where descriptor > 2 {
    posix_spawn_file_actions_addclose(&actions, descriptor)
  }
}

/// A child process that could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
  /// What went wrong.
  public var description: String

  /// Creates the error.
  public init(_ description: String) { self.description = description }
}

extension ChildProcessResult {
  /// Both streams, labelled, for failure messages.
  public var output: String { "--- stdout:\n\(stdout)--- stderr:\n\(stderr)" }
}
