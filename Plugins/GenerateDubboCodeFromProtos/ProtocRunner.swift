import Foundation

/// Runs protoc for the command plugin, which has no build system to do it.
enum ProtocRunner {
  /// Runs `job` with its output going to `outputDirectory`.
  /// - Throws: ``CommandError/protocFailed(protoName:status:output:)`` with protoc's messages when
  ///   it exits with an error.
  static func run(_ job: ProtoGenerationJob, outputDirectory: URL, tools: GeneratorTools) throws {
    let process = Process()
    process.executableURL = job.protocExecutable
    process.arguments = job.protocArguments(outputDirectory: outputDirectory, tools: tools)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let messages = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      throw CommandError.protocFailed(
        protoName: job.protoName,
        status: process.terminationStatus,
        output: String(decoding: messages, as: UTF8.self)
      )
    }
  }
}
