import ArgumentParser
import DubboHessian
import NIOCore

/// `dubbo hessian encode`: writes the Hessian bytes of values given as JSON.
struct HessianEncodeCommand: StreamingCommand {
  static let configuration = CommandConfiguration(
    commandName: "encode",
    abstract: "Write Hessian 2 bytes for values given as JSON.",
    discussion: """
      Reads the JSON form that `dubbo hessian decode` prints (see `dubbo hessian --help`). With \
      --stream the JSON is an array whose values are written one after another as one stream, \
      like the values of a Dubbo message body.
      """
  )

  @Argument(help: "The JSON file, or - (the default) for standard input.")
  var file: String?

  @Flag(help: "The JSON is an array of values to write in sequence as one stream.")
  var stream = false

  @Flag(help: "Write hex text rather than raw bytes.")
  var hex = false

  @Option(
    name: [.short, .long], help: ArgumentHelp("Write to this file rather than standard output.", valueName: "path"))
  var output: String?

  func run() throws {
    try run(streams: .process)
  }

  func run(streams: StandardStreams) throws {
    let text = try CommandInput.read(file, streams: streams)
    let values: [HessianValue]
    do {
      values = stream ? try HessianJSON.values(fromJSONStream: text) : [try HessianJSON.value(fromJSON: text)]
    } catch {
      throw CommandFailure("\(CommandInput.name(file)), \(error)")
    }
    let bytes = Self.hessianBytes(values)
    try CommandInput.write(hex ? Array(HexText.text(bytes).utf8) : bytes, to: output, streams: streams)
  }

  /// The bytes of `values` written in sequence by one encoder.
  static func hessianBytes(_ values: [HessianValue]) -> [UInt8] {
    var encoder = HessianEncoder()
    for value in values { encoder.encode(value) }
    return Array(encoder.buffer.readableBytesView)
  }
}
