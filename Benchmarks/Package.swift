// swift-tools-version:6.1
import PackageDescription

// Benchmarks for dubbo-swift, kept out of the main package so that its dependency graph stays slim.
// Run them with `./run.sh` (also runs the Java Caucho baseline), or with
// `swift package --allow-writing-to-package-directory benchmark` for the Swift side alone.

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
  ],
  targets: [
    // The values the benchmarks work on, and `User` written as generated code would be.
    .target(
      name: "BenchmarkFixtures",
      dependencies: [
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
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
  ]
)
