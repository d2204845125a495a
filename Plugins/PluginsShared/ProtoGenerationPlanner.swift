import Foundation

/// Turns the `.proto` files of a target into protoc runs, applying the configuration files.
struct ProtoGenerationPlanner {
  /// The target's folder, the default import path and the highest folder searched for
  /// configuration files.
  let targetDirectory: URL
  /// The folder holding `dubbo/options.proto`, always the last import path.
  let dubboProtosDirectory: URL
  /// The environment to find protoc in.
  let environment: [String: String]

  /// The protoc runs for `protoFiles`, sorted by ``ProtoGenerationJob/protoName``, leaving out
  /// files whose configuration disables both generators.
  /// - Throws: A ``GenerationError`` when a configuration file is invalid, protoc cannot be found,
  ///   a file lies outside its import paths or two files would write the same output.
  func jobs(for protoFiles: [URL]) throws -> [ProtoGenerationJob] {
    var configs = ConfigFileLocator(targetDirectory: targetDirectory)
    var jobs: [ProtoGenerationJob] = []
    for protoFile in protoFiles.map(\.standardizedFileURL) {
      let loaded = try configs.config(for: protoFile)
      let job = try job(for: protoFile, loaded: loaded)
      if job.generatesAnything {
        jobs.append(job)
      }
    }
    jobs.sort { $0.protoName < $1.protoName }
    try Self.rejectDuplicateOutputs(jobs)
    return jobs
  }

  /// The protoc run for one file under the configuration `loaded`.
  private func job(for protoFile: URL, loaded: LoadedConfig?) throws -> ProtoGenerationJob {
    let config = loaded?.config ?? GeneratorConfig()
    let userImportPaths: [URL]
    if let loaded {
      userImportPaths = (config.importPaths ?? ["."]).map { loaded.directoryURL.resolving($0) }
    } else {
      userImportPaths = [targetDirectory.standardizedFileURL]
    }
    var importPaths: [URL] = []
    for path in userImportPaths + [dubboProtosDirectory] where !importPaths.contains(path) {
      importPaths.append(path)
    }

    guard let protoName = userImportPaths.lazy.compactMap({ protoFile.relativePath(from: $0) }).first else {
      throw GenerationError.protoOutsideImportPaths(
        proto: protoFile.path,
        importPaths: userImportPaths.map(\.path),
        configFile: loaded?.fileURL.path
      )
    }

    let optionsProto = dubboProtosDirectory.appendingPathComponent(optionsProtoName)
    var dependencies = ProtoImportScanner(importPaths: importPaths).importedFiles(of: protoFile)
    if !dependencies.contains(optionsProto) {
      dependencies.append(optionsProto)
    }

    return ProtoGenerationJob(
      protoFile: protoFile,
      protoName: protoName,
      protocExecutable: try ProtocLocator.locate(config: loaded, environment: environment),
      importPaths: importPaths,
      configFile: loaded?.fileURL,
      config: config,
      dependencies: dependencies
    )
  }

  /// Throws when two runs would write files of the same name into the flat output folder.
  private static func rejectDuplicateOutputs(_ jobs: [ProtoGenerationJob]) throws {
    var writers: [String: ProtoGenerationJob] = [:]
    for job in jobs {
      for name in job.outputFileNames {
        if let other = writers[name] {
          throw GenerationError.duplicateOutput(fileName: name, protos: [other.protoFile.path, job.protoFile.path])
        }
        writers[name] = job
      }
    }
  }
}
