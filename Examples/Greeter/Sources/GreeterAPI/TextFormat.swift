import SwiftProtobuf

// The Swift for helloworld.proto (the messages, `Helloworld_Greeter` with its client and provider
// protocols) is generated into this module at build time by the DubboProtobufGenerator plugin.

extension SwiftProtobuf.Message {
  /// The message in protobuf text format, on one line: `name: "world" language: "fr"`.
  public var oneLineTextFormat: String {
    textFormatString().split(separator: "\n").joined(separator: " ")
  }
}
