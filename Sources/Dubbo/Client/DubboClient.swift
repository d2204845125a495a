import DubboHessian
import Logging
import NIOCore
import NIOPosix

/// Calls Dubbo providers: one multiplexed connection per provider address by default, each call
/// tagged with a request id, timed out on its own, and written in the serialization the call
/// selects.
///
/// Create one client per process and share it; close it with ``shutDown()``, or scope it with
/// ``withDubboClient(configuration:eventLoopGroup:logger:_:)``.
public final class DubboClient: Sendable {
  /// How the client connects and what it accepts.
  public struct Configuration: Sendable {
    /// Connections opened per provider address; calls spread over them.
    public var connectionsPerProvider: Int
    /// How long opening a connection may take (Java's default: 3 s).
    public var connectTimeout: Duration
    /// Idle time after which a heartbeat is sent on a connection (Java's default: 60 s).
    public var heartbeatInterval: Duration
    /// The largest response body accepted; a larger one fails its call with
    /// ``DubboStatus/clientError``. Also the largest request sent. `nil` for no limit.
    public var payloadLimit: Int?
    /// The serializations requests may use.
    public var serializations: DubboSerializationRegistry
    /// Bounds on decoding responses.
    public var decodingLimits: HessianDecodingLimits

    /// Creates a configuration with Java Dubbo's defaults.
    public init(
      connectionsPerProvider: Int = 1,
      connectTimeout: Duration = .seconds(3),
      heartbeatInterval: Duration = .seconds(60),
      payloadLimit: Int? = DubboPayloadLimit.default,
      serializations: DubboSerializationRegistry = .default,
      decodingLimits: HessianDecodingLimits = .default
    ) {
      self.connectionsPerProvider = max(1, connectionsPerProvider)
      self.connectTimeout = connectTimeout
      self.heartbeatInterval = heartbeatInterval
      self.payloadLimit = payloadLimit
      self.serializations = serializations
      self.decodingLimits = decodingLimits
    }
  }

  /// The configuration the client was created with.
  public let configuration: Configuration
  private let pool: DubboConnectionPool

  /// Creates a client; connections open on first use.
  public init(
    configuration: Configuration = Configuration(),
    eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
    logger: Logger = Logger(label: "dubbo.client")
  ) {
    self.configuration = configuration
    self.pool = DubboConnectionPool(
      group: eventLoopGroup,
      settings: .init(
        connectionsPerAddress: configuration.connectionsPerProvider,
        connectTimeout: TimeAmount(configuration.connectTimeout),
        heartbeatInterval: TimeAmount(configuration.heartbeatInterval),
        payloadLimit: configuration.payloadLimit
      ),
      logger: logger
    )
  }

  /// Calls a method and waits for its answer; a oneway call (``DubboCallOptions/isOneway``, else
  /// ``DubboMethod/isOneway``) returns the result type's null value once the request is written.
  ///
  /// - Parameters:
  ///   - method: the method to call.
  ///   - arguments: its arguments.
  ///   - reference: the provider, the service and the defaults of the call.
  ///   - options: settings for this call only.
  /// - Returns: the result and the provider's attachments.
  /// - Throws: ``DubboError``: with the provider's status and message when it rejected the call;
  ///   with ``DubboStatus/ok`` and ``DubboError/exception`` when the method threw;
  ///   ``DubboStatus/serverTimeout`` after the timeout; ``DubboStatus/channelInactive`` when the
  ///   provider cannot be reached or the connection drops; ``DubboStatus/clientError`` when the
  ///   request cannot be written or the response cannot be read.
  public func call<Arguments, Result>(
    _ method: DubboMethod<Arguments, Result>,
    arguments: Arguments,
    reference: DubboReference,
    options: DubboCallOptions = DubboCallOptions()
  ) async throws -> DubboResponse<Result> {
    if options.isOneway ?? method.isOneway {
      guard let null = Result.javaNull else {
        throw DubboError(
          status: .clientError,
          message: "\(method.name) is oneway, so it has no result, but \(Result.self) has no null value"
        )
      }
      try await callOneway(method, arguments: arguments, reference: reference, options: options)
      return DubboResponse(value: null)
    }
    var call = try await prepare(method, arguments: arguments, reference: reference, options: options, isTwoWay: true)
    let promise = call.channel.eventLoop.makePromise(of: DubboFrame.self)
    call.request.response = promise
    call.channel.writeAndFlush(call.request, promise: nil)
    let response = try await promise.futureResult.get()
    return try DubboResponseReader.read(
      response,
      as: Result.self,
      requestSerialization: call.serialization,
      limits: configuration.decodingLimits
    )
  }

  /// Sends a oneway call: the provider runs the method and answers nothing.
  ///
  /// Returns once the request is written to the connection.
  /// - Throws: ``DubboError`` when the request cannot be written or the provider cannot be reached.
  public func callOneway<Arguments, Result>(
    _ method: DubboMethod<Arguments, Result>,
    arguments: Arguments,
    reference: DubboReference,
    options: DubboCallOptions = DubboCallOptions()
  ) async throws {
    let call = try await prepare(method, arguments: arguments, reference: reference, options: options, isTwoWay: false)
    do {
      try await call.channel.writeAndFlush(call.request)
    } catch {
      throw DubboError(status: .channelInactive, message: "Failed to send the oneway call \(method.name): \(error)")
    }
  }

  /// Closes every connection. Calls still waiting fail with ``DubboStatus/channelInactive``.
  public func shutDown() async {
    await pool.shutDown()
  }

  /// A request ready to write, and the connection to write it to.
  private struct PreparedCall {
    var channel: any Channel
    var request: DubboOutboundRequest
    var serialization: any DubboSerialization
  }

  /// Encodes the request (checking the payload limit) and picks its connection.
  private func prepare<Arguments, Result>(
    _ method: DubboMethod<Arguments, Result>,
    arguments: Arguments,
    reference: DubboReference,
    options: DubboCallOptions,
    isTwoWay: Bool
  ) async throws -> PreparedCall {
    let timeout = options.timeout ?? reference.methodTimeouts[method.name] ?? reference.timeout
    let serializationID =
      options.serialization ?? reference.methodSerializations[method.name] ?? reference.serialization
    guard let serialization = configuration.serializations.serialization(for: serializationID) else {
      throw DubboError(status: .clientError, message: "Unsupported serialization id \(serializationID)")
    }
    let service = reference.service
    var attachments = reference.attachments
    attachments.merge(options.attachments)
    attachments[string: "path"] = service.interface
    attachments[string: "interface"] = service.interface
    attachments[string: "version"] = service.wireVersion
    if let group = service.group { attachments[string: "group"] = group }
    attachments[string: "timeout"] = String(
      timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
    let prologue = DubboRequestPrologue(
      dubboVersion: DubboProtocolVersion.current,
      path: service.interface,
      version: service.wireVersion,
      methodName: method.name,
      parameterDescriptor: method.parameterDescriptor
    )
    let body: ByteBuffer
    do {
      body = try DubboBody.request(
        prologue,
        arguments: arguments,
        attachments: attachments,
        serialization: serialization,
        allocator: ByteBufferAllocator()
      )
    } catch {
      throw DubboError(status: .clientError, message: "Failed to encode the request of \(method.name): \(error)")
    }
    if let limit = reference.payloadLimit ?? configuration.payloadLimit, body.readableBytes > limit {
      throw DubboError(
        status: .clientError,
        message: DubboPayloadLimit.exceededMessage(length: body.readableBytes, limit: limit, channel: reference.address)
      )
    }
    let header = DubboHeader(
      isRequest: true,
      isTwoWay: isTwoWay,
      serialization: serialization.id,
      requestID: DubboRequestID.next()
    )
    let request = DubboOutboundRequest(
      frame: DubboFrame(header: header, body: body),
      response: nil,
      timeout: TimeAmount(timeout),
      methodName: method.name
    )
    let channel = try await pool.channel(host: reference.host, port: reference.port)
    return PreparedCall(channel: channel, request: request, serialization: serialization)
  }
}

/// Runs `body` with a new client and shuts the client down when `body` returns or throws.
public func withDubboClient<Result: Sendable>(
  configuration: DubboClient.Configuration = DubboClient.Configuration(),
  eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
  logger: Logger = Logger(label: "dubbo.client"),
  _ body: (DubboClient) async throws -> Result
) async throws -> Result {
  let client = DubboClient(configuration: configuration, eventLoopGroup: eventLoopGroup, logger: logger)
  do {
    let result = try await body(client)
    await client.shutDown()
    return result
  } catch {
    await client.shutDown()
    throw error
  }
}
