import Foundation
import PackagePlugin

/// A command plugin, `generate-dubbo-code-from-protos`, that writes the Swift the
/// DubboProtobufGenerator build plugin would generate into the package, for teams that commit
/// generated code.
@main
struct GenerateDubboCodeFromProtos: CommandPlugin {
  /// Generates for the targets the arguments select and reports each file written or unchanged.
  func performCommand(context: PluginContext, arguments: [String]) async throws {
    let options = try CommandOptions(arguments: arguments)
    if options.showsHelp {
      print(CommandOptions.helpText)
      return
    }

    let package = context.package
    let targets = try selectTargets(in: package, named: options.targetNames)
    guard !targets.isEmpty else {
      print("No Swift target of \(package.displayName) has .proto files; nothing to generate.")
      return
    }

    let dubboProtosDirectory = try DubboProtosLocator.protosDirectory(startingAt: package)
    let tools = try GeneratorTools(context: context)
    for (target, protoFiles) in targets {
      let planner = ProtoGenerationPlanner(
        targetDirectory: target.directoryURL,
        dubboProtosDirectory: dubboProtosDirectory,
        environment: ProcessInfo.processInfo.environment
      )
      let outputDirectory =
        options.outputPath.map { package.directoryURL.resolving($0) }
        ?? target.directoryURL.appendingPathComponent("Generated")
      let stagingDirectory = context.pluginWorkDirectoryURL.appendingPathComponent("staging/\(target.name)")
      try generate(
        jobs: try planner.jobs(for: protoFiles),
        stagingDirectory: stagingDirectory,
        outputDirectory: outputDirectory,
        packageDirectory: package.directoryURL,
        tools: tools
      )
    }
  }

  /// The Swift targets to generate for, with their `.proto` files: the named ones, or every Swift
  /// target with `.proto` files when no name is given.
  private func selectTargets(
    in package: Package, named names: [String]
  ) throws -> [(
    SwiftSourceModuleTarget, [URL]
  )] {
    guard !names.isEmpty else {
      return package.targets.compactMap { target in
        guard let swiftTarget = target as? SwiftSourceModuleTarget else { return nil }
        let protoFiles = ProtoFileFinder.protoFiles(in: swiftTarget.directoryURL)
        return protoFiles.isEmpty ? nil : (swiftTarget, protoFiles)
      }
    }

    let available = package.targets.map(\.name)
    let unknown = names.filter { !available.contains($0) }
    guard unknown.isEmpty else {
      throw CommandError.unknownTargets(unknown, available: available.sorted())
    }
    return try package.targets(named: names).map { target in
      guard let swiftTarget = target as? SwiftSourceModuleTarget else {
        throw CommandError.notASwiftTarget(target.name)
      }
      let protoFiles = ProtoFileFinder.protoFiles(in: swiftTarget.directoryURL)
      guard !protoFiles.isEmpty else {
        throw CommandError.noProtoFiles(target: target.name)
      }
      return (swiftTarget, protoFiles)
    }
  }

  /// Runs `jobs` into a fresh staging folder, then copies the files that changed into
  /// `outputDirectory`, printing each file's path relative to the package.
  private func generate(
    jobs: [ProtoGenerationJob],
    stagingDirectory: URL,
    outputDirectory: URL,
    packageDirectory: URL,
    tools: GeneratorTools
  ) throws {
    let fileManager = FileManager.default
    if fileManager.fileExists(atPath: stagingDirectory.path) {
      try fileManager.removeItem(at: stagingDirectory)
    }
    try fileManager.createDirectory(at: stagingDirectory, withIntermediateDirectories: true)

    for job in jobs {
      try ProtocRunner.run(job, outputDirectory: stagingDirectory, tools: tools)
      for fileName in job.outputFileNames {
        guard fileManager.fileExists(atPath: stagingDirectory.appendingPathComponent(fileName).path) else {
          throw CommandError.missingOutput(protoName: job.protoName, fileName: fileName)
        }
        let outcome = try GeneratedFileSync.sync(fileName: fileName, from: stagingDirectory, to: outputDirectory)
        let destination = outputDirectory.appendingPathComponent(fileName)
        let shownPath = destination.relativePath(from: packageDirectory) ?? destination.path
        print("\(outcome == .written ? "wrote    " : "unchanged") \(shownPath)")
      }
    }
  }
}
