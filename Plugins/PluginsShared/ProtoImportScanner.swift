import Foundation

/// Finds the `.proto` files a `.proto` file imports, directly or indirectly, so that a build
/// command can list them as inputs and run again when one of them changes.
///
/// Imports resolve against the import paths in order, as protoc resolves them. Imports found in
/// none of them, such as the well-known types that protoc ships, are left out.
struct ProtoImportScanner {
  /// The folders imports resolve against, in protoc's search order.
  let importPaths: [URL]

  /// The files `protoFile` imports, directly or through other imports, sorted by path.
  func importedFiles(of protoFile: URL) -> [URL] {
    var found: [String: URL] = [:]
    var pending = [protoFile.standardizedFileURL]
    var visited: Set<String> = []
    while let file = pending.popLast() {
      guard visited.insert(file.path).inserted else { continue }
      guard let source = try? String(contentsOf: file, encoding: .utf8) else { continue }
      for name in Self.importNames(in: source) {
        if let imported = resolve(name) {
          found[imported.path] = imported
          pending.append(imported)
        }
      }
    }
    found.removeValue(forKey: protoFile.standardizedFileURL.path)
    return found.keys.sorted().compactMap { found[$0] }
  }

  /// The first file named `name` in the import paths.
  private func resolve(_ name: String) -> URL? {
    importPaths.lazy
      .map { $0.appendingPathComponent(name).standardizedFileURL }
      .first { FileManager.default.fileExists(atPath: $0.path) }
  }

  /// The names in the `import "…";`, `import public "…";` and `import weak "…";` statements of a
  /// `.proto` source that start a line.
  static func importNames(in source: String) -> [String] {
    source.split(whereSeparator: \.isNewline).compactMap { line in
      let words = line.drop { $0 == " " || $0 == "\t" }
      guard words.hasPrefix("import"), let open = words.firstIndex(of: "\"") else { return nil }
      let keyword = words[words.index(words.startIndex, offsetBy: 6)..<open]
        .trimmingCharacters(in: .whitespaces)
      guard ["", "public", "weak"].contains(keyword) else { return nil }
      let rest = words[words.index(after: open)...]
      guard let close = rest.firstIndex(of: "\"") else { return nil }
      return String(rest[..<close])
    }
  }
}
