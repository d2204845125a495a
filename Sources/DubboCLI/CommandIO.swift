import ArgumentParser
import Foundation

/// The standard input and output a command uses; tests give it memory instead.
struct StandardStreams {
  /// Reads all of standard input.
  var readInput: () throws -> [UInt8]
  /// Writes bytes to standard output.
  var writeOutput: (_ bytes: [UInt8]) throws -> Void
  /// Writes text to standard error: messages and progress.
  var writeError: @Sendable (_ text: String) -> Void = { _ in }
  /// Whether standard error is a terminal, where progress can rewrite its line.
  var errorIsTerminal = false

  /// The process's own standard streams.
  static var process: StandardStreams {
    StandardStreams(
      readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
      writeOutput: { FileHandle.standardOutput.write(Data($0)) },
      writeError: { FileHandle.standardError.write(Data($0.utf8)) },
      errorIsTerminal: isatty(STDERR_FILENO) == 1
    )
  }
}

/// A command that talks to Dubbo providers or registries through ``StandardStreams``, so tests
/// can run it in memory.
protocol NetworkCommand: AsyncParsableCommand {
  /// Runs the command.
  /// - Throws: ``CommandFailure`` (or `ExitCode`) when the command fails, after saying why on
  ///   standard error.
  func run(streams: StandardStreams) async throws
}

extension NetworkCommand {
  func run() async throws {
    let status = await exitStatus(streams: .process)
    if status != 0 { throw ExitCode(status) }
  }

  /// Runs the command and says how it went: 0, the status it chose, or 2 for a failure it did not
  /// describe itself (then described on standard error).
  func exitStatus(streams: StandardStreams) async -> Int32 {
    do {
      try await run(streams: streams)
      return 0
    } catch let code as ExitCode {
      return code.rawValue
    } catch {
      streams.writeError("error: \(error)\n")
      return 2
    }
  }
}

/// A command that does its work through ``StandardStreams``, so tests can run it in memory.
protocol StreamingCommand: ParsableCommand {
  /// Runs the command, reading and writing the standard streams through `streams`.
  /// - Throws: An error whose description is the message to show, when the command fails.
  func run(streams: StandardStreams) throws
}

/// A failure the command reports with a message and a non-zero exit status.
struct CommandFailure: Error, CustomStringConvertible {
  var description: String

  init(_ description: String) {
    self.description = description
  }
}

/// Reading a command's input and writing its output, from and to files or the standard streams.
enum CommandInput {
  /// Reads the file at `path`, or standard input when `path` is `nil` or `-`.
  static func read(_ path: String?, streams: StandardStreams) throws -> [UInt8] {
    guard let path, path != "-" else { return try streams.readInput() }
    do {
      return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw CommandFailure("cannot read \(path): \(Self.reason(error, path: path))")
    }
  }

  /// A name for the input in messages.
  static func name(_ path: String?) -> String {
    guard let path, path != "-" else { return "<stdin>" }
    return path
  }

  /// Writes `bytes` to the file at `path`, or to standard output when `path` is `nil` or `-`.
  static func write(_ bytes: [UInt8], to path: String?, streams: StandardStreams) throws {
    guard let path, path != "-" else { return try streams.writeOutput(bytes) }
    do {
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    } catch {
      throw CommandFailure("cannot write \(path): \(Self.reason(error, path: path))")
    }
  }

  private static func reason(_ error: any Error, path: String) -> String {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    if !exists, (error as NSError).code == NSFileReadNoSuchFileError { return "no such file" }
    if exists, isDirectory.boolValue { return "it is a directory" }
    return error.localizedDescription
  }
}
