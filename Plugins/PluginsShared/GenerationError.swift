/// A reason the plugins cannot generate code, worded for the person running the build.
enum GenerationError: Error, CustomStringConvertible {
  /// The plugin was applied to a target that is not a Swift source target.
  case notASwiftTarget(String)
  /// A configuration file is not valid JSON or does not follow the schema.
  case invalidConfig(file: String, reason: String)
  /// A configured or `PROTOC_PATH` protoc is not an executable file.
  case protocNotExecutable(path: String, source: String)
  /// No protoc was configured, set in `PROTOC_PATH` or found on `PATH`.
  case protocNotFound
  /// Neither the package nor its dependencies is dubbo-swift, so `dubbo/options.proto` is missing.
  case dubboPackageNotFound(packageName: String)
  /// The dubbo-swift package was found but does not hold `Protos/dubbo/options.proto`.
  case optionsProtoMissing(path: String)
  /// A `.proto` file lies outside all of its import paths, so protoc cannot name it.
  case protoOutsideImportPaths(proto: String, importPaths: [String], configFile: String?)
  /// Two `.proto` files would generate files with the same name.
  case duplicateOutput(fileName: String, protos: [String])

  var description: String {
    switch self {
    case .notASwiftTarget(let name):
      return "DubboProtobufGenerator only applies to Swift targets; '\(name)' is not one"
    case .invalidConfig(let file, let reason):
      return "\(file): \(reason)"
    case .protocNotExecutable(let path, let source):
      return "protoc at '\(path)' (from \(source)) is not an executable file"
    case .protocNotFound:
      return
        "protoc not found: install it (apt-get install protobuf-compiler), set PROTOC_PATH, "
        + "or set protoc.executablePath in \(configFileName)"
    case .dubboPackageNotFound(let packageName):
      return
        "cannot find the \(dubboSwiftPackageName) package among '\(packageName)' and its dependencies; "
        + "it holds dubbo/options.proto"
    case .optionsProtoMissing(let path):
      return "the \(dubboSwiftPackageName) package has no \(path)"
    case .protoOutsideImportPaths(let proto, let importPaths, let configFile):
      let setting = configFile.map { "protoc.importPaths in \($0)" } ?? "protoc.importPaths in a \(configFileName)"
      return
        "\(proto) is not inside any import path (\(importPaths.joined(separator: ", "))); "
        + "add a folder that holds it to \(setting)"
    case .duplicateOutput(let fileName, let protos):
      return
        "\(protos.joined(separator: " and ")) would both generate \(fileName); "
        + "give them distinct paths relative to their import paths"
    }
  }
}
