import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// An annotation or proto construct the generator cannot map onto Java, with the place in the
/// `.proto` file it comes from (`user.proto:12:3: example.User.age: …`).
public struct DubboCodeGenError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Where the error is: file, line and column when the descriptor carries source info, and the
  /// element's full proto name.
  public var location: String
  /// What is wrong.
  public var message: String

  /// Creates an error about `element`.
  init(_ element: some ProvidesSourceCodeLocation & ProtoElement, _ message: String) {
    var location = element.file.name
    if let span = element.sourceCodeInfoLocation?.span, span.count >= 2 {
      location += ":\(span[0] + 1):\(span[1] + 1)"
    }
    self.location = "\(location): \(element.protoFullName)"
    self.message = message
  }

  /// `location: message`.
  public var description: String { "\(location): \(message)" }
}

/// A descriptor with a file and a full proto name, for error locations.
protocol ProtoElement {
  var file: FileDescriptor! { get }
  var protoFullName: String { get }
}

extension Descriptor: ProtoElement {
  var protoFullName: String { fullName }
}

extension FieldDescriptor: ProtoElement {
  var protoFullName: String { fullName }
}

extension EnumDescriptor: ProtoElement {
  var protoFullName: String { fullName }
}

extension ServiceDescriptor: ProtoElement {
  var protoFullName: String { fullName }
}

extension MethodDescriptor: ProtoElement {
  var protoFullName: String { fullName }
}
