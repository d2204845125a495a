import E2ECommon
import Foundation
import NIOCore
import NIOPosix

// The baseline of the end-to-end load (run-e2e.sh): a plain SwiftNIO server that answers each
// length-prefixed request frame (see `RawFrame`) with a frame of the size the request asks for,
// echoing the request's bytes. Runs until it is killed.
//
//   RawEchoServer <port> [--host HOST] [--mode batch|flush|task]
//
// Modes:
//   batch  (default) as NIO's own echo example: each response is written as its frame is decoded,
//          and flushed once per read.
//   flush  each response written and flushed on its own, as the Dubbo server does.
//   task   each frame answered from a new Swift Task, which writes and flushes the response, as
//          the Dubbo server does (to measure what that hop costs, without any Dubbo code).
// E2E_NIO_EXECUTOR=1 installs the NIO event loops as Swift Concurrency's global executor.

enum Mode: String {
  case batch
  case flush
  case task
}

/// Answers every frame of one connection.
final class RawEchoHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let mode: Mode

  init(mode: Mode) {
    self.mode = mode
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let request = unwrapInboundIn(data)
    switch mode {
    case .batch, .flush:
      var response = context.channel.allocator.buffer(capacity: 512)
      RawFrame.writeResponse(to: request, into: &response)
      if mode == .batch {
        context.write(wrapOutboundOut(response), promise: nil)
      } else {
        context.writeAndFlush(wrapOutboundOut(response), promise: nil)
      }
    case .task:
      let channel = context.channel
      Task {
        var response = channel.allocator.buffer(capacity: 512)
        RawFrame.writeResponse(to: request, into: &response)
        try? await channel.writeAndFlush(response)
      }
    }
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    if mode == .batch { context.flush() }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }
}

if ProcessInfo.processInfo.environment["E2E_NIO_EXECUTOR"] == "1" {
  NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
}
func usage() -> Never {
  print("usage: RawEchoServer <port> [--host HOST] [--mode batch|flush|task]")
  exit(2)
}
var arguments = CommandLine.arguments.dropFirst()
var host = "127.0.0.1"
var mode = Mode.batch
var port: Int?
while let argument = arguments.popFirst() {
  switch argument {
  case "--host":
    guard let value = arguments.popFirst() else { usage() }
    host = value
  case "--mode":
    guard let value = arguments.popFirst().flatMap(Mode.init(rawValue:)) else { usage() }
    mode = value
  default:
    guard let value = Int(argument) else { usage() }
    port = value
  }
}
guard let port else { usage() }
let echoMode = mode
let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
  .serverChannelOption(.backlog, value: 256)
  .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
  .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
  .childChannelInitializer { channel in
    channel.eventLoop.makeCompletedFuture {
      try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(RawFrameDecoder()))
      try channel.pipeline.syncOperations.addHandler(RawEchoHandler(mode: echoMode))
    }
  }
  .bind(host: host, port: port)
  .get()
print("Raw echo server (\(echoMode.rawValue)) listening on \(channel.localAddress.map { "\($0)" } ?? "?")")
try await channel.closeFuture.get()
