// swift-tools-version:5.4
// A libFuzzer harness for DubboHessian's decoder. Tools version 5.4 on purpose: later tools link
// executables with `--defsym main=<Module>_main`, which hides libFuzzer's own `main`.
import PackageDescription

let package = Package(
  name: "dubbo-swift-fuzz",
  dependencies: [
    .package(name: "dubbo-swift", path: ".."),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
  ],
  targets: [
    .executableTarget(
      name: "HessianDecoderFuzzer",
      dependencies: [
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
      ]
    )
  ]
)
