// swift-tools-version:6.1
import PackageDescription

// The Greeter example: a provider and a consumer of a Dubbo service whose messages travel as
// protobuf, declared in Sources/GreeterAPI/helloworld.proto, with the Swift generated at build
// time by dubbo-swift's DubboProtobufGenerator plugin.
let package = Package(
  name: "Greeter",
  products: [
    .executable(name: "greeter-provider", targets: ["GreeterProvider"]),
    .executable(name: "greeter-consumer", targets: ["GreeterConsumer"]),
  ],
  dependencies: [
    // dubbo-swift itself, from this checkout. The name makes `package: "dubbo-swift"` below work
    // whatever the checkout's folder is called (a path dependency's identity is its folder name).
    .package(name: "dubbo-swift", path: "../.."),
    .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
  ],
  targets: [
    // helloworld.proto: the messages and the Dubbo client and provider, public
    // (dubbo-swift-proto-generator-config.json) for the two programs below.
    .target(
      name: "GreeterAPI",
      dependencies: [
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "SwiftProtobuf", package: "swift-protobuf"),
      ],
      plugins: [.plugin(name: "DubboProtobufGenerator", package: "dubbo-swift")]
    ),
    .executableTarget(
      name: "GreeterProvider",
      dependencies: [
        "GreeterAPI",
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "DubboHessian", package: "dubbo-swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "UnixSignals", package: "swift-service-lifecycle"),
      ]
    ),
    .executableTarget(
      name: "GreeterConsumer",
      dependencies: [
        "GreeterAPI",
        .product(name: "Dubbo", package: "dubbo-swift"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
  ]
)
