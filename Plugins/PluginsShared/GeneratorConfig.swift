/// The name of the file that configures code generation for the `.proto` files in its folder and
/// the folders below it.
let configFileName = "dubbo-swift-proto-generator-config.json"

/// The access level of the declarations the generators write.
enum GeneratedAccessLevel: String, CaseIterable, Sendable {
  /// `internal` declarations, for use inside the target only.
  case `internal`
  /// `public` declarations, for use by other packages.
  case `public`
  /// `package` declarations, for use by the other targets of the package.
  case `package`

  /// The value of the `Visibility` option of `protoc-gen-swift` and `protoc-gen-dubbo-swift`.
  var visibilityOption: String {
    switch self {
    case .internal: "Internal"
    case .public: "Public"
    case .package: "Package"
    }
  }
}

/// The settings of one `dubbo-swift-proto-generator-config.json` file.
///
/// Every setting is optional in the file; a missing one keeps the default given here:
///
/// ```json
/// {
///   "generate": { "messages": true, "services": true },
///   "generatedSource": { "accessLevel": "internal" },
///   "protoc": { "executablePath": "/usr/bin/protoc", "importPaths": ["."] }
/// }
/// ```
struct GeneratorConfig: Equatable, Sendable {
  /// Whether `protoc-gen-swift` writes the messages (`<name>.pb.swift`).
  var generateMessages = true
  /// Whether `protoc-gen-dubbo-swift` writes the Dubbo services (`<name>.dubbo.swift`).
  var generateServices = true
  /// The access level of the generated declarations, for both generators.
  var accessLevel = GeneratedAccessLevel.internal
  /// The `protoc` to run, absolute or relative to the config file's folder; `nil` searches for it.
  var protocExecutablePath: String?
  /// The folders `protoc` searches for imports, relative to the config file's folder; `nil` means
  /// the config file's folder alone.
  var importPaths: [String]?
}
