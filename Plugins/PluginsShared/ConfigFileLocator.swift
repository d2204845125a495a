import Foundation

/// A configuration file and the settings read from it.
struct LoadedConfig: Sendable {
  /// The file the settings come from.
  let fileURL: URL
  /// The settings in the file.
  let config: GeneratorConfig

  /// The folder holding the file, against which its relative paths resolve.
  var directoryURL: URL { fileURL.deletingLastPathComponent() }
}

/// Finds the configuration file that applies to each `.proto` file of a target and reads it.
///
/// The nearest `dubbo-swift-proto-generator-config.json`, walking up from the `.proto` file's
/// folder to the target's folder, applies. Each file is read once.
struct ConfigFileLocator {
  /// The target's folder, the highest folder searched.
  let targetDirectory: URL
  private var loaded: [URL: LoadedConfig] = [:]

  /// Creates a locator for the `.proto` files under `targetDirectory`.
  init(targetDirectory: URL) {
    self.targetDirectory = targetDirectory.standardizedFileURL
  }

  /// The configuration that applies to `protoFile`, or `nil` when no folder between it and the
  /// target's folder has a configuration file.
  /// - Throws: ``GenerationError/invalidConfig(file:reason:)`` when the nearest file is invalid.
  mutating func config(for protoFile: URL) throws -> LoadedConfig? {
    var directory = protoFile.standardizedFileURL.deletingLastPathComponent()
    while directory.isInside(targetDirectory) {
      let candidate = directory.appendingPathComponent(configFileName)
      if let config = loaded[candidate] {
        return config
      }
      if FileManager.default.fileExists(atPath: candidate.path) {
        let config = LoadedConfig(fileURL: candidate, config: try Self.read(candidate))
        loaded[candidate] = config
        return config
      }
      if directory.pathComponents == targetDirectory.pathComponents {
        break
      }
      directory = directory.deletingLastPathComponent()
    }
    return nil
  }

  /// Reads and validates one configuration file.
  static func read(_ file: URL) throws -> GeneratorConfig {
    let data: Data
    do {
      data = try Data(contentsOf: file)
    } catch {
      throw GenerationError.invalidConfig(file: file.path, reason: "cannot read the file: \(error)")
    }
    do {
      return try JSONDecoder().decode(GeneratorConfig.self, from: data)
    } catch let error as ConfigContentError {
      throw GenerationError.invalidConfig(file: file.path, reason: Self.reason(for: error))
    } catch let error as DecodingError {
      throw GenerationError.invalidConfig(file: file.path, reason: Self.reason(for: error, in: data))
    }
  }

  /// Words a schema violation.
  private static func reason(for error: ConfigContentError) -> String {
    switch error {
    case .unknownKey(let path, let knownKeys):
      return "unknown key '\(path)'; the keys allowed there are \(knownKeys.joined(separator: ", "))"
    case .invalidValue(let path, let reason):
      return "invalid value for '\(path)': \(reason)"
    }
  }

  /// Words a JSON syntax or type error found in `data`.
  private static func reason(for error: DecodingError, in data: Data) -> String {
    switch error {
    case .typeMismatch(_, let context) where context.codingPath.isEmpty:
      return "the file must hold a JSON object"
    case .typeMismatch(let type, let context):
      return "'\(configKeyPath(context.codingPath))' must be \(Self.describe(type))"
    case .valueNotFound(let type, let context):
      return "'\(configKeyPath(context.codingPath))' must be \(Self.describe(type)), not null"
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return "not valid JSON" + (syntaxErrorPosition(in: data).map { ": \($0)" } ?? "")
    case .dataCorrupted(let context):
      return "invalid value for '\(configKeyPath(context.codingPath))': \(context.debugDescription)"
    default:
      return "\(error)"
    }
  }

  /// Where JSON parsing of `data` fails, as Foundation's parser words it (`Invalid value around
  /// character 15.`); JSONDecoder's own error does not say.
  private static func syntaxErrorPosition(in data: Data) -> String? {
    do {
      _ = try JSONSerialization.jsonObject(with: data)
      return nil
    } catch {
      return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
    }
  }

  /// Names the JSON type that stands for a decoded Swift type.
  private static func describe(_ type: Any.Type) -> String {
    switch type {
    case is Bool.Type: "true or false"
    case is String.Type: "a string"
    case is [String].Type: "an array of strings"
    default: "an object"
    }
  }
}
