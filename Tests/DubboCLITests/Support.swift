import ArgumentParser
import DubboHessian
import Foundation
import NIOCore

@testable import DubboCLI

/// Hex helpers for byte-exact assertions.
enum Hex {
  /// Parses "DA BB 02" or "dabb02" into bytes.
  static func bytes(_ text: String) -> [UInt8] {
    let digits = Array(text.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
  }

  static func string(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
  }
}

/// Files of the repository, found from this source file's path.
enum Repository {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The bytes of a file in `Examples/HessianPayloads/`.
  static func example(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: root.appendingPathComponent("Examples/HessianPayloads/\(name)")))
  }
}

/// The bytes of values written in sequence by one encoder.
func encoded(_ write: (inout HessianEncoder) -> Void) -> [UInt8] {
  var encoder = HessianEncoder()
  write(&encoder)
  return Array(encoder.buffer.readableBytesView)
}

/// What a command wrote to standard output.
struct CommandResult {
  var output: [UInt8]
  var text: String { String(decoding: output, as: UTF8.self) }
}

/// Parses `arguments` as `dubbo` would and runs the command in memory, with `input` as standard
/// input.
func runDubbo(_ arguments: [String], input: [UInt8] = []) throws -> CommandResult {
  let parsed = try DubboCommand.parseAsRoot(arguments)
  guard let command = parsed as? any StreamingCommand else {
    throw CommandFailure("\(arguments) parsed to \(type(of: parsed)), which does not run on streams")
  }
  var output: [UInt8] = []
  try command.run(
    streams: StandardStreams(readInput: { input }, writeOutput: { output += $0 })
  )
  return CommandResult(output: output)
}

/// A new empty directory for a test's files.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("dubbo-cli-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// The value decoded from `bytes` keeping references, and the JSON text printed for it.
func decodeToJSON(_ bytes: [UInt8], stream: Bool = true) throws -> String {
  stream ? try HessianDecodeCommand.streamJSON(bytes) : try HessianDecodeCommand.valueJSON(bytes)
}

/// The bytes encoded from JSON text.
func encodeFromJSON(_ text: String, stream: Bool = true) throws -> [UInt8] {
  let source = Array(text.utf8)
  let values = stream ? try HessianJSON.values(fromJSONStream: source) : [try HessianJSON.value(fromJSON: source)]
  return HessianEncodeCommand.hessianBytes(values)
}
