// swift-tools-version:6.1
import PackageDescription

// Benchmarks for dubbo-swift, kept out of the main package so that its dependency graph stays slim.
// Run them with `./run.sh` (also runs the Java Caucho baseline), or with
// `swift package --allow-writing-to-package-directory benchmark` for the Swift side alone.
// The end-to-end load over the Dubbo protocol (provider in its own process, against a raw SwiftNIO
// echo) runs with `./run-e2e.sh`.

let strictSettings: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "dubbo-swift-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    // Named, so that the identity does not depend on the checkout folder's name.
    .package(name: "dubbo-swift", path: ".."),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
  ],
  targets: [
    // The values the benchmarks work on: `User` written by hand as generated code would be, and
    // `Sample_User` generated from Protos/user.proto by the plugin.
    .target(
      name: "BenchmarkFixtures",
      dependencies: [
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strictSettings,
      plugins: [.plugin(name: "DubboProtobufGenerator", package: "dubbo-swift")]
    ),
    // The benchmark suite; the plugin finds it under Benchmarks/.
    .executableTarget(
      name: "HessianBenchmarks",
      dependencies: [
        "BenchmarkFixtures",
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/HessianBenchmarks",
      swiftSettings: strictSettings,
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
    // The same operations in a plain loop, for perf and valgrind.
    .executableTarget(
      name: "HessianProfile",
      dependencies: [
        "BenchmarkFixtures",
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
    // End-to-end load (run-e2e.sh): the service both sides share, generated from
    // Protos/greeter.proto by the plugin, and the raw baseline's frame layout.
    .target(
      name: "E2ECommon",
      dependencies: [
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      swiftSettings: strictSettings,
      plugins: [.plugin(name: "DubboProtobufGenerator", package: "dubbo-swift")]
    ),
    // A provider of GreeterService (with `String echo(String)`) in its own process.
    .executableTarget(
      name: "DubboLoadProvider",
      dependencies: [
        "E2ECommon",
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
    // The baseline: a plain SwiftNIO server echoing length-prefixed frames of Dubbo's frame sizes.
    .executableTarget(
      name: "RawEchoServer",
      dependencies: [
        "E2ECommon",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
    // The load generator: N workers over one connection, per scenario and concurrency.
    .executableTarget(
      name: "DubboLoad",
      dependencies: [
        "E2ECommon",
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Histogram", package: "hdrhistogram-swift"),
      ],
      swiftSettings: strictSettings
    ),
  ]
)
