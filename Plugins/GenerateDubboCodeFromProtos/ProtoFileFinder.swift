import Foundation

/// Finds the `.proto` files in a target's folder.
///
/// The command plugin searches the folder itself rather than the target's source files, because
/// a target that commits its generated code usually excludes its `.proto` files from the build.
enum ProtoFileFinder {
  /// The `.proto` files in `directory` and its subfolders, skipping hidden ones, sorted by path.
  static func protoFiles(in directory: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: directory,
        includingPropertiesForKeys: [.isRegularFileKey],
        options: [.skipsHiddenFiles]
      )
    else { return [] }
    var files: [URL] = []
    for case let url as URL in enumerator where url.pathExtension == "proto" {
      if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        files.append(url.standardizedFileURL)
      }
    }
    return files.sorted { $0.path < $1.path }
  }
}
