// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "dubbo-swift",
  products: [
    .library(name: "DubboHessian", targets: ["DubboHessian"]),
    .executable(name: "dubbo", targets: ["DubboCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
  ],
  targets: [
    .target(
      name: "DubboHessian",
      dependencies: [.product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "DubboCLI",
      dependencies: [
        "DubboHessian",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboHessianTests",
      dependencies: ["DubboHessian", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboHessianInteropTests",
      dependencies: ["DubboHessian", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboCLITests",
      dependencies: ["DubboCLI", "DubboHessian", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
  ]
)
