import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// What the message template renders: a message's Hessian coding as an instance of its Java class.
struct MessageModel {
  struct Field {
    var index: Int
    var encode: String
    var decode: String
  }

  var swiftName: String
  var javaClass: String
  /// The Java field names in the order Java writes them, as a Swift array literal's elements.
  var fieldNames: String
  var fields: [Field]
  var hasFields: Bool
}

/// What the enum template renders: the Java constant of each proto value.
struct EnumModel {
  struct Case {
    var swiftCase: String
    var javaName: String
  }

  var swiftName: String
  var javaClass: String
  var cases: [Case]
  /// Whether the Swift enum has an `UNRECOGNIZED` case (proto3's open enums).
  var isOpen: Bool
}

enum MessageTranslator {
  /// The messages of a file and their nested messages, in declaration order, without map entries.
  static func messages(in file: FileDescriptor) -> [Descriptor] {
    func walk(_ messages: [Descriptor]) -> [Descriptor] {
      messages.filter { !$0.options.mapEntry }.flatMap { [$0] + walk($0.messages) }
    }
    return walk(file.messages)
  }

  /// The enums of a file, top-level and nested, in declaration order.
  static func enums(in file: FileDescriptor) -> [EnumDescriptor] {
    file.enums + messages(in: file).flatMap(\.enums)
  }

  static func model(of message: Descriptor, namer: SwiftProtobufNamer) throws(DubboCodeGenError) -> MessageModel {
    var codings: [HessianFieldCoding] = []
    for field in message.fields {
      codings.append(try HessianFieldCoding(field, namer: namer))
    }
    var seen = Set<String>()
    for (field, coding) in zip(message.fields, codings) where !seen.insert(coding.javaName).inserted {
      throw DubboCodeGenError(field, "a second field named \(coding.javaName) in the Java class")
    }
    // Java's serializer writes primitive-like fields, then the others, and reverses that list.
    let ordered = Array((codings.filter(\.isPrimitiveLike) + codings.filter { !$0.isPrimitiveLike }).reversed())
    return MessageModel(
      swiftName: namer.fullName(message: message),
      javaClass: JavaClassNames.javaClass(of: message),
      fieldNames: ordered.map { "\"\($0.javaName)\"" }.joined(separator: ", "),
      fields: ordered.enumerated().map {
        MessageModel.Field(index: $0.offset, encode: $0.element.encode, decode: $0.element.decode)
      },
      hasFields: !ordered.isEmpty
    )
  }

  static func model(of enumType: EnumDescriptor, namer: SwiftProtobufNamer) throws(DubboCodeGenError) -> EnumModel {
    var seen = Set<String>()
    var cases: [EnumModel.Case] = []
    var numbers = Set<Int32>()
    // An alias is a second name for a number; Swift has one case per number.
    for value in enumType.values where numbers.insert(value.number).inserted {
      let annotated = value.options.Dubbo_enumValue.javaName
      let javaName = annotated.isEmpty ? value.name : annotated
      guard seen.insert(javaName).inserted else {
        throw DubboCodeGenError(enumType, "two values map to the Java constant \(javaName)")
      }
      cases.append(EnumModel.Case(swiftCase: namer.dottedRelativeName(enumValue: value), javaName: javaName))
    }
    return EnumModel(
      swiftName: namer.fullName(enum: enumType),
      javaClass: JavaClassNames.javaClass(of: enumType),
      cases: cases,
      isOpen: !enumType.isClosed
    )
  }
}
