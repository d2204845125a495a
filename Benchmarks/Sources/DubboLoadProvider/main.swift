import Dubbo
import E2ECommon
import Foundation
import GreeterService
import NIOCore
import NIOPosix

// The provider of the end-to-end load (run-e2e.sh): exports org.apache.dubbo.sample.GreeterService
// with `String echo(String)` added, on 127.0.0.1 and the port given, until it is killed.
//
//   DubboLoadProvider <port> [host]
//
// E2E_NIO_EXECUTOR=1 installs the NIO event loops as Swift Concurrency's global executor.

/// GreeterService as the Greeter example implements it, plus `String echo(String)`.
struct LoadGreeter: DubboServiceProvider {
  var serviceDescriptor: DubboServiceDescriptor { GreeterService.descriptor }

  /// The GreeterService methods, then `echo`, which answers its argument unchanged.
  func registerMethods(with router: inout DubboMethodRouter) {
    Greeter().registerMethods(with: &router)
    router.register(LoadMethods.echo) { arguments, _ in arguments.values }
  }
}

if ProcessInfo.processInfo.environment["E2E_NIO_EXECUTOR"] == "1" {
  NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
let arguments = CommandLine.arguments
guard (2...3).contains(arguments.count), let port = Int(arguments[1]) else {
  print("usage: DubboLoadProvider <port> [host]")
  exit(2)
}
// E2E_DIRECT=1 runs the handlers on the connections' event loops (Java's `direct` dispatcher).
let server = DubboServer(
  configuration: .init(
    host: arguments.count == 3 ? arguments[2] : "127.0.0.1",
    port: port,
    runsHandlersOnEventLoop: ProcessInfo.processInfo.environment["E2E_DIRECT"] == "1"
  ),
  services: [LoadGreeter()]
)
try await server.serve()
