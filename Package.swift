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
    .library(name: "DubboZooKeeper", targets: ["DubboZooKeeper"]),
    .executable(name: "dubbo", targets: ["DubboCLI"]),
    .executable(name: "protoc-gen-dubbo-swift", targets: ["protoc-gen-dubbo-swift"]),
    .plugin(name: "DubboProtobufGenerator", targets: ["DubboProtobufGenerator"]),
    .plugin(name: "GenerateDubboCodeFromProtos", targets: ["GenerateDubboCodeFromProtos"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
  ],
  targets: [
    .target(
      name: "DubboHessian",
      dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
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
    // Apache ZooKeeper's C client, for the ZooKeeper registry.
    .systemLibrary(
      name: "CZooKeeper",
      path: "Sources/CZooKeeper",
      providers: [.apt(["libzookeeper-mt-dev"])]
    ),
    .target(
      name: "DubboZooKeeper",
      dependencies: [
        "Dubbo",
        "CZooKeeper",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "DubboCLI",
      dependencies: [
        "Dubbo",
        "DubboHessian",
        "DubboZooKeeper",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    // The templates of every generated file kind, embedded into the generator at build time.
    .target(
      name: "DubboTemplates",
      path: "Templates",
      resources: [.embedInCode("Swift")],
      swiftSettings: strictSettings
    ),
    .target(
      name: "DubboCodeGen",
      dependencies: [
        "DubboTemplates",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "SwiftProtobufPluginLibrary", package: "swift-protobuf"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "protoc-gen-dubbo-swift",
      dependencies: [
        "DubboCodeGen",
        .product(name: "SwiftProtobufPluginLibrary", package: "swift-protobuf"),
      ],
      swiftSettings: strictSettings
    ),
    .plugin(
      name: "DubboProtobufGenerator",
      capability: .buildTool(),
      dependencies: [
        "protoc-gen-dubbo-swift",
        .product(name: "protoc-gen-swift", package: "swift-protobuf"),
      ]
    ),
    .plugin(
      name: "GenerateDubboCodeFromProtos",
      capability: .command(
        intent: .custom(
          verb: "generate-dubbo-code-from-protos",
          description: "Generates Swift messages and Dubbo clients and providers from .proto files"
        ),
        permissions: [
          .writeToPackageDirectory(reason: "To write the generated Swift files into the package")
        ]
      ),
      dependencies: [
        "protoc-gen-dubbo-swift",
        .product(name: "protoc-gen-swift", package: "swift-protobuf"),
      ]
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
      name: "DubboCodeGenTests",
      dependencies: [
        "DubboCodeGen",
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "SwiftProtobufPluginLibrary", package: "swift-protobuf"),
      ],
      exclude: ["Protos"],
      resources: [.copy("Golden")],
      swiftSettings: strictSettings
    ),
    // Generated by the build plugin from its own protos: clients and providers over loopback, and
    // the generated GreeterService against third-party peers (Python Dubbo clients, the Dubbo bodies
    // Caucho Hessian writes).
    .testTarget(
      name: "DubboGeneratedTests",
      dependencies: [
        "Dubbo",
        "DubboHessian",
        "InteropSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strictSettings,
      plugins: [.plugin(name: "DubboProtobufGenerator")]
    ),
    // Against real ZooKeeper servers: the one scripts/test.sh starts (DUBBO_TEST_ZOOKEEPER), and
    // private ones that the tests stopping a server start themselves.
    // A provider process the ZooKeeper tests start and kill.
    .executableTarget(
      name: "ZooKeeperTestProvider",
      dependencies: ["Dubbo", "DubboHessian", "DubboZooKeeper"],
      path: "Tests/ZooKeeperTestProvider",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboZooKeeperTests",
      dependencies: [
        "DubboZooKeeper",
        "ZooKeeperTestProvider",
        "Dubbo",
        "CZooKeeper",
        "InteropSupport",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "DubboCLITests",
      dependencies: [
        "DubboCLI",
        "Dubbo",
        "DubboHessian",
        "InteropSupport",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
  ]
)
