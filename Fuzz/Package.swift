// swift-tools-version:5.4
// libFuzzer harnesses for DubboHessian's decoder, the Dubbo module's frame and body decoders, and
// the registry's URL decoding. Tools
// version 5.4 on purpose: later tools link executables with `--defsym main=<Module>_main`, which hides
// libFuzzer's own `main`.
import PackageDescription

let package = Package(
  name: "dubbo-swift-fuzz",
  dependencies: [
    .package(name: "dubbo-swift", path: ".."),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
  ],
  targets: [
    .executableTarget(
      name: "HessianDecoderFuzzer",
      dependencies: [
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]
    ),
    // `org.apache.dubbo.sample.GreeterService` written by hand, the service DubboRequestFuzzer exports.
    .target(
      name: "GreeterService",
      dependencies: [
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
      ]
    ),
    // Uses `@testable import Dubbo` (the dispatcher and response reader are internal): debug builds
    // compile the package with `-enable-testing`.
    .executableTarget(
      name: "DubboRequestFuzzer",
      dependencies: [
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
        "GreeterService",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ]
    ),
    // Uses `@testable import Dubbo` for the directory's configurator merge.
    .executableTarget(
      name: "RegistryURLFuzzer",
      dependencies: [.product(name: "Dubbo", package: "dubbo-swift")]
    ),
  ]
)
