import Foundation
import PackagePlugin

/// The protoc plugins the generation runs, as built by SwiftPM for the plugin.
struct GeneratorTools: Sendable {
  /// swift-protobuf's generator of messages.
  let protocGenSwift: URL
  /// dubbo-swift's generator of Dubbo services.
  let protocGenDubboSwift: URL

  /// Looks both generators up among the plugin's tool dependencies.
  init(context: PluginContext) throws {
    protocGenSwift = try context.tool(named: "protoc-gen-swift").url
    protocGenDubboSwift = try context.tool(named: "protoc-gen-dubbo-swift").url
  }
}
