import Logging
import NIOCore
import NIOEmbedded
import Testing

@testable import Dubbo

/// A two-way request's caller hears back even when its connection is gone before the request
/// reaches the handler.
@Suite struct DubboClientHandlerTests {
  private func request(_ response: UnsafeContinuation<DubboFrame, any Error>) -> DubboOutboundRequest {
    let header = DubboHeader(isRequest: true, isTwoWay: true, serialization: .hessian2, requestID: 7)
    return DubboOutboundRequest(
      frame: DubboFrame(header: header, body: ByteBuffer()).encoded(allocator: ByteBufferAllocator()),
      requestID: 7,
      response: response,
      timeout: .seconds(30),
      methodName: "sayHello"
    )
  }

  private func handler() -> DubboClientHandler {
    DubboClientHandler(payloadLimit: nil, logger: Logger(label: "test"), onReadonly: {})
  }

  @Test("a request written after its connection closed and its pipeline went fails at once")
  func writeAfterTeardown() async throws {
    let channel = EmbeddedChannel(handler: handler())
    try await channel.close()
    let error = await #expect(throws: DubboError.self) {
      try await DubboClientHandler.send(on: channel) { request($0) }
    }
    #expect(error?.status == .channelInactive)
    #expect(error?.message.hasPrefix("Failed to send request 7 of sayHello") == true)
  }
}
