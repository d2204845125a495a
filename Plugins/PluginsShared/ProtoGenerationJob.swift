import Foundation

/// One protoc run: one `.proto` file, the generators the configuration enables for it and the
/// files they write.
struct ProtoGenerationJob: Sendable {
  /// The `.proto` file on disk.
  let protoFile: URL
  /// The file's name relative to its import path, as protoc and the generated code know it:
  /// `foo/bar.proto`.
  let protoName: String
  /// The protoc to run.
  let protocExecutable: URL
  /// The folders protoc searches for imports, in order.
  let importPaths: [URL]
  /// The configuration file that applies, if any.
  let configFile: URL?
  /// The settings that apply.
  let config: GeneratorConfig
  /// The other files the output depends on: imported `.proto` files and dubbo-swift's options.
  let dependencies: [URL]

  /// Every file whose change makes the output stale: the `.proto` file, its dependencies and the
  /// configuration file.
  var inputFiles: [URL] {
    [protoFile] + dependencies + (configFile.map { [$0] } ?? [])
  }

  /// The names of the files protoc writes into the output folder.
  var outputFileNames: [String] {
    var names: [String] = []
    if config.generateMessages {
      names.append(Self.outputFileName(for: protoName, suffix: ".pb.swift"))
    }
    if config.generateServices {
      names.append(Self.outputFileName(for: protoName, suffix: ".dubbo.swift"))
    }
    return names
  }

  /// Whether the configuration leaves anything to generate.
  var generatesAnything: Bool { config.generateMessages || config.generateServices }

  /// The arguments of the protoc run that writes ``outputFileNames`` into `outputDirectory`.
  func protocArguments(outputDirectory: URL, tools: GeneratorTools) -> [String] {
    var arguments: [String] = []
    if config.generateMessages {
      arguments += generatorArguments(
        name: "swift",
        executable: tools.protocGenSwift,
        outputDirectory: outputDirectory
      )
    }
    if config.generateServices {
      arguments += generatorArguments(
        name: "dubbo-swift",
        executable: tools.protocGenDubboSwift,
        outputDirectory: outputDirectory
      )
    }
    arguments += importPaths.map { "--proto_path=\($0.path)" }
    arguments.append(protoName)
    return arguments
  }

  /// The arguments that run one protoc plugin, `protoc-gen-<name>`.
  private func generatorArguments(name: String, executable: URL, outputDirectory: URL) -> [String] {
    [
      "--plugin=protoc-gen-\(name)=\(executable.path)",
      "--\(name)_out=\(outputDirectory.path)",
      "--\(name)_opt=Visibility=\(config.accessLevel.visibilityOption)",
      "--\(name)_opt=FileNaming=PathToUnderscores",
    ]
  }

  /// The name the generators give the output for `protoName` under their `PathToUnderscores` file
  /// naming: `foo/bar.proto` becomes `foo_bar<suffix>`.
  ///
  /// The plugins use this naming so that `.proto` files with the same name in different folders
  /// do not collide in the flat output folder.
  static func outputFileName(for protoName: String, suffix: String) -> String {
    let base = protoName.hasSuffix(".proto") ? String(protoName.dropLast(6)) : protoName
    return base.replacingOccurrences(of: "/", with: "_") + suffix
  }
}
