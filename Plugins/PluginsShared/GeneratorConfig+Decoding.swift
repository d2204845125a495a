/// A key of the configuration file's JSON objects, spelled as in the file.
struct ConfigKey: CodingKey, ExpressibleByStringLiteral, Hashable {
  let stringValue: String
  let intValue: Int?

  init(stringValue: String) {
    self.stringValue = stringValue
    self.intValue = nil
  }

  init(intValue: Int) {
    self.stringValue = String(intValue)
    self.intValue = intValue
  }

  init(stringLiteral value: String) {
    self.init(stringValue: value)
  }
}

/// A problem with the contents of a configuration file that JSON decoding alone does not catch.
enum ConfigContentError: Error {
  /// A key the schema does not have; `knownKeys` are the keys allowed in the same object.
  case unknownKey(path: String, knownKeys: [String])
  /// A value of the right type that the schema does not allow.
  case invalidValue(path: String, reason: String)
}

extension GeneratorConfig: Decodable {
  /// Decodes a configuration file, rejecting keys and values the schema does not have.
  init(from decoder: any Decoder) throws {
    self.init()
    let root = try decoder.container(keyedBy: ConfigKey.self)
    try root.rejectUnknownKeys(allowing: ["generate", "generatedSource", "protoc"])

    if let generate = try root.nestedObjectIfPresent(forKey: "generate") {
      try generate.rejectUnknownKeys(allowing: ["messages", "services"])
      generateMessages = try generate.decodeIfPresent(Bool.self, forKey: "messages") ?? generateMessages
      generateServices = try generate.decodeIfPresent(Bool.self, forKey: "services") ?? generateServices
    }

    if let generatedSource = try root.nestedObjectIfPresent(forKey: "generatedSource") {
      try generatedSource.rejectUnknownKeys(allowing: ["accessLevel"])
      if let name = try generatedSource.decodeIfPresent(String.self, forKey: "accessLevel") {
        guard let level = GeneratedAccessLevel(rawValue: name) else {
          let allowed = GeneratedAccessLevel.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
          throw ConfigContentError.invalidValue(
            path: generatedSource.path(of: "accessLevel"),
            reason: "\"\(name)\" is not an access level; use one of \(allowed)"
          )
        }
        accessLevel = level
      }
    }

    if let protoc = try root.nestedObjectIfPresent(forKey: "protoc") {
      try protoc.rejectUnknownKeys(allowing: ["executablePath", "importPaths"])
      if let path = try protoc.decodeIfPresent(String.self, forKey: "executablePath") {
        guard !path.isEmpty else {
          throw ConfigContentError.invalidValue(
            path: protoc.path(of: "executablePath"),
            reason: "the path is empty; leave the key out to search for protoc"
          )
        }
        protocExecutablePath = path
      }
      if let paths = try protoc.decodeIfPresent([String].self, forKey: "importPaths") {
        guard !paths.isEmpty, !paths.contains(where: \.isEmpty) else {
          throw ConfigContentError.invalidValue(
            path: protoc.path(of: "importPaths"),
            reason: "list one or more non-empty folder paths, or leave the key out to use the config file's folder"
          )
        }
        importPaths = paths
      }
    }
  }
}

extension KeyedDecodingContainer where Key == ConfigKey {
  /// Throws ``ConfigContentError/unknownKey(path:knownKeys:)`` for the first key, in sorted order,
  /// that is not one of `knownKeys`.
  func rejectUnknownKeys(allowing knownKeys: Set<String>) throws {
    let unknown = allKeys.map(\.stringValue).filter { !knownKeys.contains($0) }.sorted()
    if let first = unknown.first {
      throw ConfigContentError.unknownKey(path: path(of: ConfigKey(stringValue: first)), knownKeys: knownKeys.sorted())
    }
  }

  /// The object under `key`, or `nil` when the key is missing or `null`.
  func nestedObjectIfPresent(forKey key: ConfigKey) throws -> KeyedDecodingContainer<ConfigKey>? {
    guard contains(key), try !decodeNil(forKey: key) else { return nil }
    return try nestedContainer(keyedBy: ConfigKey.self, forKey: key)
  }

  /// The dotted path of `key` in this container, such as `generate.messages`.
  func path(of key: ConfigKey) -> String {
    configKeyPath(codingPath + [key])
  }
}

/// Spells a coding path the way the configuration file nests its keys: `protoc.importPaths[0]`.
func configKeyPath(_ codingPath: [any CodingKey]) -> String {
  var path = ""
  for key in codingPath {
    if let index = key.intValue {
      path += "[\(index)]"
    } else {
      path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
    }
  }
  return path
}
