import Foundation

extension URL {
  /// Whether this file URL is `directory` or lies below it, comparing standardized path components.
  func isInside(_ directory: URL) -> Bool {
    let components = standardizedFileURL.pathComponents
    let directoryComponents = directory.standardizedFileURL.pathComponents
    return components.count >= directoryComponents.count
      && Array(components.prefix(directoryComponents.count)) == directoryComponents
  }

  /// This file URL's path relative to `directory`, with `/` separators, or `nil` when it is not
  /// below `directory`.
  func relativePath(from directory: URL) -> String? {
    guard isInside(directory) else { return nil }
    let components = standardizedFileURL.pathComponents
    let relative = components.dropFirst(directory.standardizedFileURL.pathComponents.count)
    return relative.isEmpty ? nil : relative.joined(separator: "/")
  }

  /// Resolves `path` against this folder URL, keeping `path` as is when it is absolute.
  func resolving(_ path: String) -> URL {
    let resolved = path.hasPrefix("/") ? URL(fileURLWithPath: path) : appendingPathComponent(path)
    return resolved.standardizedFileURL
  }
}
