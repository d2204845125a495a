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
    .library(name: "Dubbo", targets: ["Dubbo"]),
    .library(name: "GreeterService", targets: ["GreeterService"]),
    .executable(name: "dubbo", targets: ["DubboCLI"]),
    .executable(name: "greeter-provider", targets: ["GreeterProvider"]),
    .executable(name: "greeter-consumer", targets: ["GreeterConsumer"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
  ],
  targets: [
    .target(
      name: "DubboHessian",
      dependencies: [.product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "Dubbo",
      dependencies: [
        "DubboHessian",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
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
    .target(
      name: "GreeterService",
      dependencies: ["Dubbo", "DubboHessian"],
      path: "Examples/Greeter/GreeterService",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "GreeterProvider",
      dependencies: [
        "Dubbo",
        "GreeterService",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ],
      path: "Examples/Greeter/GreeterProvider",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "GreeterConsumer",
      dependencies: [
        "Dubbo",
        "GreeterService",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Examples/Greeter/GreeterConsumer",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboHessianTests",
      dependencies: ["DubboHessian", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboTests",
      dependencies: [
        "Dubbo",
        "DubboHessian",
        "GreeterService",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "NIOTestUtils", package: "swift-nio"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboHessianInteropTests",
      dependencies: ["DubboHessian", "InteropSupport", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
    // Runs the interop tests' peers (JVM harnesses, Python clients) as child processes.
    .target(
      name: "InteropSupport",
      path: "Tests/InteropSupport",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboInteropTests",
      dependencies: [
        "Dubbo",
        "DubboHessian",
        "GreeterService",
        "InteropSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboCLITests",
      dependencies: ["DubboCLI", "DubboHessian", .product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
  ]
)
