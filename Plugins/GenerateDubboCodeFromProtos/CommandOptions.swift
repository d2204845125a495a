import PackagePlugin

/// The parsed arguments of `generate-dubbo-code-from-protos`.
struct CommandOptions: Equatable {
  /// The targets to generate for; empty means every Swift target with `.proto` files.
  var targetNames: [String] = []
  /// The folder to write into, relative to the package; `nil` means each target's `Generated`
  /// folder.
  var outputPath: String?
  /// Whether to print ``helpText`` instead of generating.
  var showsHelp = false

  /// The usage text `--help` prints.
  static let helpText = """
    OVERVIEW: Generates Swift messages and Dubbo clients and providers from .proto files and writes
    them into the package, for teams that commit generated code.

    Runs the system protoc with protoc-gen-swift (<name>.pb.swift) and protoc-gen-dubbo-swift
    (<name>.dubbo.swift) for every .proto file in a target's folder, applying the nearest
    \(configFileName)
    as the DubboProtobufGenerator build plugin does. A file is written only when its contents
    change.

    USAGE: swift package --allow-writing-to-package-directory generate-dubbo-code-from-protos \\
             [--target <name>]... [--output-path <path>]

    OPTIONS:
      --target <name>        A target to generate for; repeat for more. Default: every Swift
                             target with .proto files.
      --output-path <path>   The folder to write into, relative to the package.
                             Default: <target folder>/Generated.
      -h, --help             Show this help.
    """

  /// Parses the arguments SwiftPM passes to the plugin.
  /// - Throws: ``CommandError`` for unknown arguments, missing values or a repeated
  ///   `--output-path`.
  init(arguments: [String]) throws {
    if arguments.contains("--help") || arguments.contains("-h") {
      showsHelp = true
      return
    }
    for option in ["--target", "--output-path"] where arguments.last == option {
      throw CommandError.missingValue(option: option)
    }
    var extractor = ArgumentExtractor(arguments)
    targetNames = extractor.extractOption(named: "target")
    let outputPaths = extractor.extractOption(named: "output-path")
    guard outputPaths.count <= 1 else {
      throw CommandError.repeatedOption("--output-path")
    }
    outputPath = outputPaths.first
    guard extractor.remainingArguments.isEmpty else {
      throw CommandError.unknownArguments(extractor.remainingArguments)
    }
  }
}
