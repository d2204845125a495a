import Foundation
import PackagePlugin

/// A build-tool plugin that generates Swift for the `.proto` files of a target as part of the
/// build: the messages through swift-protobuf's `protoc-gen-swift` (`<name>.pb.swift`) and the
/// Dubbo services through `protoc-gen-dubbo-swift` (`<name>.dubbo.swift`).
///
/// Each `.proto` file becomes one build command that runs the system's protoc with both
/// generators, under the nearest `dubbo-swift-proto-generator-config.json`. The command lists the
/// `.proto` file, the files it imports, `dubbo/options.proto` and the configuration file as inputs,
/// so editing any of them runs it again.
///
/// SwiftPM's default build system asks the plugin for its commands only when it plans the build,
/// which it does again when the package's files are added, removed or renamed, or the environment
/// changes, but not when a file's contents change. An edited configuration file therefore takes
/// effect at the next planning (`touch Package.swift` forces one); `--build-system swiftbuild`
/// plans every build.
@main
struct DubboProtobufGenerator: BuildToolPlugin {
  /// Creates one build command per `.proto` file among the target's source files.
  func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
    guard let swiftTarget = target as? SwiftSourceModuleTarget else {
      throw GenerationError.notASwiftTarget(target.name)
    }
    let protoFiles = swiftTarget.sourceFiles(withSuffix: ".proto").map(\.url)
    guard !protoFiles.isEmpty else { return [] }

    let planner = ProtoGenerationPlanner(
      targetDirectory: swiftTarget.directoryURL,
      dubboProtosDirectory: try DubboProtosLocator.protosDirectory(startingAt: context.package),
      environment: ProcessInfo.processInfo.environment
    )
    let tools = try GeneratorTools(context: context)
    let outputDirectory = context.pluginWorkDirectoryURL
    return try planner.jobs(for: protoFiles).map { job in
      .buildCommand(
        displayName: "Generating Swift for \(job.protoName)",
        executable: job.protocExecutable,
        arguments: job.protocArguments(outputDirectory: outputDirectory, tools: tools),
        inputFiles: job.inputFiles + [tools.protocGenSwift, tools.protocGenDubboSwift],
        outputFiles: job.outputFileNames.map { outputDirectory.appendingPathComponent($0) }
      )
    }
  }
}
