import DubboTemplates
import Mustache
import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// Turns `.proto` descriptors into the Dubbo Swift code of each file: Hessian coding of its
/// messages and enums as their Java classes, and the descriptors, provider protocols and client of
/// each service. Pure: descriptors in, text out.
public struct DubboCodeGenerator: Sendable {
  /// The access level of the generated declarations.
  public enum Visibility: String, Sendable {
    /// `internal` (the default).
    case `internal` = "Internal"
    /// `public`.
    case `public` = "Public"
    /// `package`.
    case package = "Package"
  }

  /// How output files are named after their `.proto` file, as protoc-gen-swift names its own.
  public enum FileNaming: String, Sendable {
    /// `foo/bar.proto` → `foo/bar.dubbo.swift` (the default).
    case fullPath = "FullPath"
    /// `foo/bar.proto` → `foo_bar.dubbo.swift`.
    case pathToUnderscores = "PathToUnderscores"
    /// `foo/bar.proto` → `bar.dubbo.swift`.
    case dropPath = "DropPath"
  }

  /// The access level of the generated declarations.
  public var visibility: Visibility
  /// How output files are named.
  public var fileNaming: FileNaming

  /// Creates a generator.
  public init(visibility: Visibility = .internal, fileNaming: FileNaming = .fullPath) {
    self.visibility = visibility
    self.fileNaming = fileNaming
  }

  /// Creates a generator from protoc's parameter string (`Visibility=Public,FileNaming=DropPath`).
  /// - Throws: ``DubboCodeGenOptionError`` for an unknown option or value.
  public init(parameter: String) throws(DubboCodeGenOptionError) {
    self.init()
    for pair in parameter.split(separator: ",") where !pair.isEmpty {
      let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
      let value = parts.count == 2 ? parts[1] : ""
      switch parts[0] {
      case "Visibility":
        guard let visibility = Visibility(rawValue: value) else {
          throw DubboCodeGenOptionError("Visibility must be Internal, Public or Package, not '\(value)'")
        }
        self.visibility = visibility
      case "FileNaming":
        guard let naming = FileNaming(rawValue: value) else {
          throw DubboCodeGenOptionError("FileNaming must be FullPath, PathToUnderscores or DropPath, not '\(value)'")
        }
        self.fileNaming = naming
      default:
        throw DubboCodeGenOptionError("unknown option '\(parts[0])': use Visibility or FileNaming")
      }
    }
  }

  /// The custom options of `dubbo/options.proto`, which descriptors must be parsed with.
  public static let optionExtensions: [any AnyMessageExtension] = [
    Dubbo_Extensions_message, Dubbo_Extensions_field, Dubbo_Extensions_enum, Dubbo_Extensions_enum_value,
    Dubbo_Extensions_service, Dubbo_Extensions_method,
  ]

  /// The name of the file generated for `file`.
  public func outputFileName(for file: FileDescriptor) -> String {
    let stem = file.name.hasSuffix(".proto") ? String(file.name.dropLast(6)) : file.name
    let name: String
    switch fileNaming {
    case .fullPath: name = stem
    case .pathToUnderscores: name = String(stem.map { $0 == "/" ? "_" : $0 })
    case .dropPath: name = stem.split(separator: "/").last.map(String.init) ?? stem
    }
    return name + ".dubbo.swift"
  }

  /// The Swift source for `file`.
  /// - Throws: ``DubboCodeGenError`` for an annotation or construct with no Java mapping.
  public func generate(file: FileDescriptor) throws(DubboCodeGenError) -> String {
    let namer = SwiftProtobufNamer(currentFile: file, protoFileToModuleMappings: ProtoFileToModuleMappings())
    var enums: [EnumModel] = []
    for enumType in MessageTranslator.enums(in: file) {
      enums.append(try MessageTranslator.model(of: enumType, namer: namer))
    }
    var messages: [MessageModel] = []
    for message in MessageTranslator.messages(in: file) {
      messages.append(try MessageTranslator.model(of: message, namer: namer))
    }
    var services: [ServiceModel] = []
    for service in file.services {
      services.append(try ServiceTranslator.model(of: service, namer: namer))
    }
    let context = FileModel(
      protoFile: file.name,
      access: visibility == .internal ? "" : visibility.rawValue.lowercased() + " ",
      isPublic: visibility == .public,
      hasContent: !(enums.isEmpty && messages.isEmpty && services.isEmpty),
      enums: enums,
      messages: messages,
      services: services
    )
    return Self.templates.render(context, withTemplate: "file") ?? ""
  }

  private static let templates: MustacheLibrary = {
    var library = MustacheLibrary()
    for (name, text) in DubboTemplates.all.sorted(by: { $0.key < $1.key }) {
      // The templates ship with the generator; a parse error is a bug caught by its tests.
      try! library.register(text, named: name)
    }
    return library
  }()
}

/// What the file template renders.
struct FileModel {
  var protoFile: String
  /// The access modifier with a trailing space, or nothing for `internal`.
  var access: String
  /// Whether the declarations are public, so that encoders can be `@inlinable`: a list of messages
  /// then writes each element where it lies instead of copying it for an opaque call.
  var isPublic: Bool
  var hasContent: Bool
  var enums: [EnumModel]
  var messages: [MessageModel]
  var services: [ServiceModel]
}

/// An unknown option in protoc's parameter for the generator.
public struct DubboCodeGenOptionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong.
  public var description: String

  init(_ description: String) {
    self.description = description
  }
}
