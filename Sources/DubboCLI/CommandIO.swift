import ArgumentParser
import Foundation

/// The standard input and output a command uses; tests give it memory instead.
struct StandardStreams {
  /// Reads all of standard input.
  var readInput: () throws -> [UInt8]
  /// Writes bytes to standard output.
  var writeOutput: (_ bytes: [UInt8]) throws -> Void

  /// The process's own standard input and output.
  static var process: StandardStreams {
    StandardStreams(
      readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
      writeOutput: { FileHandle.standardOutput.write(Data($0)) }
    )
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
