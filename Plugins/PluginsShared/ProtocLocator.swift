import Foundation

/// Finds the `protoc` executable the plugins run.
///
/// The plugins use the system's protoc rather than building one from source: the configuration
/// file's `protoc.executablePath` wins, then the `PROTOC_PATH` environment variable, then the first
/// `protoc` on `PATH`.
enum ProtocLocator {
  /// Finds protoc.
  /// - Parameters:
  ///   - config: The configuration that applies, if any; its relative `executablePath` resolves
  ///     against its folder.
  ///   - environment: The environment to read `PROTOC_PATH` and `PATH` from.
  /// - Throws: ``GenerationError/protocNotExecutable(path:source:)`` when a configured or
  ///   `PROTOC_PATH` protoc is not executable, ``GenerationError/protocNotFound`` when no protoc is
  ///   configured and none is on `PATH`.
  static func locate(config: LoadedConfig?, environment: [String: String]) throws -> URL {
    if let config, let path = config.config.protocExecutablePath {
      let url = config.directoryURL.resolving(path)
      return try executable(url, source: "protoc.executablePath in \(config.fileURL.path)")
    }
    if let path = environment["PROTOC_PATH"], !path.isEmpty {
      return try executable(URL(fileURLWithPath: path).standardizedFileURL, source: "PROTOC_PATH")
    }
    let searchPath = environment["PATH"] ?? ""
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("protoc")
      if isExecutableFile(candidate) {
        return candidate.standardizedFileURL
      }
    }
    throw GenerationError.protocNotFound
  }

  /// Returns `url` when it is an executable file.
  private static func executable(_ url: URL, source: String) throws -> URL {
    guard isExecutableFile(url) else {
      throw GenerationError.protocNotExecutable(path: url.path, source: source)
    }
    return url
  }

  /// Whether `url` names an executable regular file (following symbolic links).
  private static func isExecutableFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && !isDirectory.boolValue
      && FileManager.default.isExecutableFile(atPath: url.path)
  }
}
