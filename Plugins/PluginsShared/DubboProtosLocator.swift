import Foundation
import PackagePlugin

/// The name dubbo-swift's manifest gives the package, by which the plugins find it.
///
/// The package's identity depends on how it is depended on (a path dependency takes its folder's
/// name), so the plugins match the manifest name instead.
let dubboSwiftPackageName = "dubbo-swift"

/// The `import` name of the file that declares dubbo-swift's custom `.proto` options.
let optionsProtoName = "dubbo/options.proto"

/// Finds the folder that holds `dubbo/options.proto`, which the plugins add to protoc's import
/// paths so that `.proto` files can `import "dubbo/options.proto"`.
enum DubboProtosLocator {
  /// The `Protos` folder of the dubbo-swift package: `package` itself or one of its direct or
  /// indirect dependencies, whichever is named dubbo-swift.
  /// - Throws: ``GenerationError/dubboPackageNotFound(packageName:)`` when no package is named
  ///   dubbo-swift, ``GenerationError/optionsProtoMissing(path:)`` when it has no options file.
  static func protosDirectory(startingAt package: Package) throws -> URL {
    guard let dubboPackage = findDubboPackage(startingAt: package) else {
      throw GenerationError.dubboPackageNotFound(packageName: package.displayName)
    }
    let directory = dubboPackage.directoryURL.appendingPathComponent("Protos").standardizedFileURL
    let optionsProto = directory.appendingPathComponent(optionsProtoName)
    guard FileManager.default.fileExists(atPath: optionsProto.path) else {
      throw GenerationError.optionsProtoMissing(path: "Protos/\(optionsProtoName)")
    }
    return directory
  }

  /// Searches `package` and its dependency graph, breadth first, for the dubbo-swift package.
  private static func findDubboPackage(startingAt package: Package) -> Package? {
    var queue = [package]
    var visited: Set<Package.ID> = []
    while !queue.isEmpty {
      let candidate = queue.removeFirst()
      guard visited.insert(candidate.id).inserted else { continue }
      if candidate.displayName == dubboSwiftPackageName {
        return candidate
      }
      queue.append(contentsOf: candidate.dependencies.map(\.package))
    }
    return nil
  }
}
