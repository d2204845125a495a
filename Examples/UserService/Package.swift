// swift-tools-version:6.1
import PackageDescription

// The UserService example: a provider and a consumer of two hessian2 services declared in
// `.proto` files (Sources/SampleServices), with the Swift generated at build time by
// dubbo-swift's DubboProtobufGenerator plugin.
let package = Package(
  name: "UserService",
  products: [
    .executable(name: "user-service-provider", targets: ["UserServiceProvider"]),
    .executable(name: "user-service-consumer", targets: ["UserServiceConsumer"]),
  ],
  dependencies: [
    // dubbo-swift itself, from this checkout. The name makes `package: "dubbo-swift"` below work
    // whatever the checkout's folder is called (a path dependency's identity is its folder name).
    // Outside this repository: .package(url: "https://github.com/dubbo-swift/dubbo-swift.git", from: "1.0.0").
    .package(name: "dubbo-swift", path: "../.."),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
  ],
  targets: [
    // greeter.proto and user_service.proto: messages and Dubbo clients and providers, public
    // (dubbo-swift-proto-generator-config.json) for the two programs below.
    .target(
      name: "SampleServices",
      dependencies: [
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      plugins: [.plugin(name: "DubboProtobufGenerator", package: "dubbo-swift")]
    ),
    .executableTarget(
      name: "UserServiceProvider",
      dependencies: [
        "SampleServices",
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "DubboZooKeeper", package: "dubbo-swift"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ]
    ),
    .executableTarget(
      name: "UserServiceConsumer",
      dependencies: [
        "SampleServices",
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "DubboZooKeeper", package: "dubbo-swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
  ]
)
