import ArgumentParser
import DubboHessian
import NIOCore

/// `dubbo hessian decode`: prints a captured Hessian payload as JSON.
struct HessianDecodeCommand: StreamingCommand {
  static let configuration = CommandConfiguration(
    commandName: "decode",
    abstract: "Print a Hessian 2 payload as JSON.",
    discussion: """
      Without --stream the input must hold exactly one value. With --stream every value is \
      decoded in sequence by one decoder, sharing class definitions, types and references as the \
      values of a Dubbo message body do, and the output is a JSON array. Back-references are kept \
      as {"$ref": n}, so `dubbo hessian encode` writes the same bytes again.
      """
  )

  @Argument(help: "The payload file, or - for standard input.")
  var file: String

  @Flag(help: "Decode a sequence of values, like a Dubbo message body, into a JSON array.")
  var stream = false

  @Flag(help: "The input is hex text (whitespace ignored) rather than raw bytes.")
  var hex = false

  func run() throws {
    try run(streams: .process)
  }

  func run(streams: StandardStreams) throws {
    let input = try CommandInput.read(file, streams: streams)
    let bytes = hex ? try HexText.bytes(input) : input
    let text = stream ? try Self.streamJSON(bytes) : try Self.valueJSON(bytes)
    try streams.writeOutput(Array((text + "\n").utf8))
  }

  /// The JSON of the one value that makes up `bytes`.
  /// - Throws: ``HessianError`` for malformed input; ``CommandFailure`` for empty input or bytes
  ///   left after the value.
  static func valueJSON(_ bytes: [UInt8]) throws -> String {
    guard !bytes.isEmpty else { throw CommandFailure("the input is empty: there is no Hessian value in it") }
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
    let value = try decoder.decodeValue(resolvingReferences: false)
    guard decoder.isAtEnd else {
      let left = decoder.remainingBytes
      throw CommandFailure(
        "\(left) byte\(left == 1 ? "" : "s") left after the value, from byte \(decoder.offset) "
          + "(use --stream to decode a sequence of values)"
      )
    }
    return HessianJSON.text(for: value)
  }

  /// The JSON array of all the values in `bytes`, read as one stream.
  /// - Throws: ``CommandFailure`` naming the value and the ``HessianError`` for malformed input.
  static func streamJSON(_ bytes: [UInt8]) throws -> String {
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
    var values: [HessianValue] = []
    while !decoder.isAtEnd {
      let start = decoder.offset
      do {
        values.append(try decoder.decodeValue(resolvingReferences: false))
      } catch let error as HessianError {
        throw CommandFailure("\(error) (in value \(values.count + 1) of the stream, which starts at byte \(start))")
      }
    }
    return HessianJSON.text(forStream: values)
  }
}
