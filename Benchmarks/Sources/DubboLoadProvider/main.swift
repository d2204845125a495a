import Dubbo
import E2ECommon
import Foundation
import NIOCore
import NIOPosix

// The provider of the end-to-end load (run-e2e.sh): exports org.apache.dubbo.sample.GreeterService
// with `String echo(String)` added, on 127.0.0.1 and the port given, until it is killed.
//
//   DubboLoadProvider <port> [host]
//
// E2E_NIO_EXECUTOR=1 installs the NIO event loops as Swift Concurrency's global executor.

/// GreeterService as the Greeter example implements it, plus `echo`, which answers its argument
/// unchanged.
struct LoadGreeter: Sample_GreeterService.SimpleServiceProtocol {
  /// `"Hello, " + name`.
  func sayHello(request: Sample_SayHelloRequest) async throws -> Sample_SayHelloReply {
    var reply = Sample_SayHelloReply()
    reply.message = "Hello, " + request.name
    return reply
  }

  /// A user named after its id, aged 42.
  func getUser(request: Sample_GetUserRequest) async throws -> Sample_User {
    var user = Sample_User()
    user.id = request.id
    user.name = "user-" + request.id
    user.age = 42
    return user
  }

  /// The user, unchanged.
  func echoUser(request: Sample_User) async throws -> Sample_User { request }

  /// The text, unchanged.
  func echo(request: Sample_EchoRequest) async throws -> Sample_EchoReply {
    var reply = Sample_EchoReply()
    reply.text = request.text
    return reply
  }
}

let environment = ProcessInfo.processInfo.environment
if environment["E2E_NIO_EXECUTOR"] == "1" {
  NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
let arguments = CommandLine.arguments
guard (2...3).contains(arguments.count), let port = Int(arguments[1]) else {
  print("usage: DubboLoadProvider <port> [host]")
  exit(2)
}
// E2E_DIRECT=1 runs the handlers on the connections' event loops (Java's `direct` dispatcher),
// E2E_GLOBAL=1 entirely on the global executor; by default they start on the event loop.
let server = DubboServer(
  configuration: .init(
    host: arguments.count == 3 ? arguments[2] : "127.0.0.1",
    port: port,
    handlerExecution: environment["E2E_DIRECT"] == "1"
      ? .eventLoop : environment["E2E_GLOBAL"] == "1" ? .globalExecutor : .startingOnEventLoop
  ),
  services: [LoadGreeter()]
)
try await server.serve()
