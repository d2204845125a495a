import Foundation

/// Copies generated files from a staging folder into the package, writing only files whose bytes
/// change so that unchanged files keep their modification dates.
enum GeneratedFileSync {
  /// What happened to one file.
  enum Outcome: Equatable {
    /// The file was new or its contents changed.
    case written
    /// The file already had these contents.
    case unchanged
  }

  /// Copies `fileName` from `stagingDirectory` to `destinationDirectory` unless the destination
  /// already has the same bytes.
  static func sync(fileName: String, from stagingDirectory: URL, to destinationDirectory: URL) throws -> Outcome {
    let generated = try Data(contentsOf: stagingDirectory.appendingPathComponent(fileName))
    let destination = destinationDirectory.appendingPathComponent(fileName)
    if let existing = try? Data(contentsOf: destination), existing == generated {
      return .unchanged
    }
    try FileManager.default.createDirectory(at: destinationDirectory, withIntermediateDirectories: true)
    try generated.write(to: destination, options: .atomic)
    return .written
  }
}
