import DubboHessian
import Logging
import NIOCore
import NIOPosix
import Synchronization

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
  /// The calls placed so far, by provider and method, which activity- and latency-aware load
  /// balancers read.
  public let statistics = DubboCallStatistics()
  private let pool: DubboConnectionPool
  private let requestTemplates = DubboRequestTemplateCache()

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
  /// The reference's load balancer picks the provider and its cluster strategy decides what a
  /// failure leads to (by default, up to 2 retries on other providers).
  ///
  /// - Parameters:
  ///   - method: the method to call.
  ///   - arguments: its arguments.
  ///   - reference: the providers, the service and the defaults of the call.
  ///   - options: settings for this call only.
  /// - Returns: the result and the provider's attachments.
  /// - Throws: ``DubboError``: with the provider's status and message when it rejected the call;
  ///   with ``DubboStatus/ok`` and ``DubboError/exception`` when the method threw;
  ///   ``DubboStatus/serverTimeout`` after the timeout; ``DubboStatus/channelInactive`` when the
  ///   provider cannot be reached or the connection drops; ``DubboStatus/serviceNotFound`` when
  ///   the reference has no provider; ``DubboStatus/clientError`` when the request cannot be
  ///   written or the response cannot be read.
  ///
  /// A reference with ``DubboReference/isGeneric``, or whose providers all registered
  /// `generic=true` (``DubboProviderDirectory/providersImplementGeneric``), sends the call as
  /// `$invoke`; an exception the provider wrapped in a `GenericException` is thrown as the
  /// exception it stands for.
  public func call<Arguments, Result>(
    _ method: DubboMethod<Arguments, Result>,
    arguments: Arguments,
    reference: DubboReference,
    options: DubboCallOptions = DubboCallOptions()
  ) async throws -> DubboResponse<Result> {
    let directory = reference.directory.current
    if reference.isGeneric || directory.implementGeneric, !DubboGeneric.methodNames.contains(method.name) {
      return try await callGenerically(method, arguments: arguments, reference: reference, options: options)
    }
    if options.isOneway ?? method.isOneway {
      let null = try Self.onewayResult(of: method)
      try await callOneway(method, arguments: arguments, reference: reference, options: options)
      return DubboResponse(value: null)
    }
    let request = try encode(method, arguments: arguments, reference: reference, options: options, isTwoWay: true)
    let limits = configuration.decodingLimits
    return try await placeOnCluster(
      request,
      arguments: arguments,
      providers: directory.providers,
      reference: reference,
      failsafeValue: Result.javaNull.map { DubboResponse(value: $0) }
    ) { [self] provider in
      let channel = try await pool.channel(to: provider)
      let response = try await DubboClientHandler.send(on: channel) { request.nextAttempt(response: $0) }
      return try DubboResponseReader.read(
        response,
        as: Result.self,
        requestSerialization: request.serialization,
        limits: limits
      )
    }
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
    let request = try encode(method, arguments: arguments, reference: reference, options: options, isTwoWay: false)
    try await placeOnCluster(
      request, arguments: arguments, providers: reference.directory.providers, reference: reference, failsafeValue: ()
    ) { [self] provider in
      let channel = try await pool.channel(to: provider)
      do {
        try await channel.writeAndFlush(request.nextAttempt(response: nil))
      } catch {
        throw DubboError(status: .channelInactive, message: "Failed to send the oneway call \(method.name): \(error)")
      }
    }
  }

  /// Closes every connection. Calls still waiting fail with ``DubboStatus/channelInactive``.
  public func shutDown() async {
    await pool.shutDown()
  }

  /// The value a oneway call of `method` returns: its result type's null.
  /// - Throws: ``DubboError`` (``DubboStatus/clientError``) when the result type has none.
  static func onewayResult<Arguments, Result>(of method: DubboMethod<Arguments, Result>) throws -> Result {
    guard let null = Result.javaNull else {
      throw DubboError(
        status: .clientError,
        message: "\(method.name) is oneway, so it has no result, but \(Result.self) has no null value"
      )
    }
    return null
  }

  /// Checks the payload limit, then runs `attempt` on `providers` (those of `reference` now) as
  /// the reference's cluster strategy and load balancer direct, keeping the call statistics the
  /// balancer reads.
  private func placeOnCluster<Arguments: DubboArguments, Result: Sendable>(
    _ request: DubboEncodedRequest,
    arguments: Arguments,
    providers: [DubboProviderEndpoint],
    reference: DubboReference,
    failsafeValue: @autoclosure () -> Result?,
    attempt: @escaping @Sendable (DubboProviderEndpoint) async throws -> Result
  ) async throws -> Result {
    if let limit = reference.payloadLimit ?? configuration.payloadLimit, request.bodyLength > limit {
      throw DubboError(
        status: .clientError,
        message: DubboPayloadLimit.exceededMessage(
          length: request.bodyLength,
          limit: limit,
          channel: providers.count == 1 ? providers[0].address : reference.directory.source
        )
      )
    }
    let invocation = DubboClusterInvocation(
      strategy: reference.cluster,
      loadBalancer: reference.loadBalancer,
      call: DubboLoadBalancedCall(
        service: reference.service,
        method: request.methodName,
        hashKey: providers.count > 1 ? arguments.firstArgumentText : nil,
        statistics: statistics
      ),
      source: reference.directory.source,
      connections: pool
    )
    guard reference.loadBalancer.usesCallStatistics else {
      return try await invocation.run(providers: providers, failsafeValue: failsafeValue(), attempt: attempt)
    }
    let statistics = statistics
    let service = reference.service
    let method = request.methodName
    return try await invocation.run(providers: providers, failsafeValue: failsafeValue()) { provider in
      statistics.callStarted(provider: provider, service: service, method: method)
      let start = ContinuousClock.now
      do {
        let result = try await attempt(provider)
        statistics.callEnded(
          provider: provider, service: service, method: method, elapsed: .now - start, succeeded: true)
        return result
      } catch {
        statistics.callEnded(
          provider: provider, service: service, method: method, elapsed: .now - start, succeeded: false)
        throw error
      }
    }
  }

  /// Encodes the request frame once for every attempt of a call.
  private func encode<Arguments, Result>(
    _ method: DubboMethod<Arguments, Result>,
    arguments: Arguments,
    reference: DubboReference,
    options: DubboCallOptions,
    isTwoWay: Bool
  ) throws -> DubboEncodedRequest {
    // Most references have no per-method settings: skip hashing the method name for them.
    let timeout =
      options.timeout ?? (reference.methodTimeouts.isEmpty ? nil : reference.methodTimeouts[method.name])
      ?? reference.timeout
    let serializationID =
      options.serialization
      ?? (reference.methodSerializations.isEmpty ? nil : reference.methodSerializations[method.name])
      ?? reference.serialization
    guard let serialization = configuration.serializations.serialization(for: serializationID) else {
      throw DubboError(status: .clientError, message: "Unsupported serialization id \(serializationID)")
    }
    let header = DubboHeader(
      isRequest: true,
      isTwoWay: isTwoWay,
      serialization: serialization.id,
      requestID: DubboRequestID.next()
    )
    let key = DubboRequestTemplate.Key(
      service: reference.service,
      methodName: method.name,
      parameterDescriptor: method.parameterDescriptor,
      serialization: serializationID,
      timeout: timeout,
      attachments: reference.attachments
    )
    let allocator = ByteBufferAllocator()
    do {
      let template =
        options.attachments.isEmpty
        ? try requestTemplates.template(for: key) {
          try DubboRequestTemplate($0, serialization: serialization, allocator: allocator)
        }
        : try DubboRequestTemplate(
          key, extraAttachments: options.attachments, serialization: serialization, allocator: allocator)
      return DubboEncodedRequest(
        frame: try template.frame(header: header, arguments: arguments, allocator: allocator),
        requestID: header.requestID,
        serialization: serialization,
        timeout: TimeAmount(timeout),
        methodName: method.name
      )
    } catch {
      throw DubboError(status: .clientError, message: "Failed to encode the request of \(method.name): \(error)")
    }
  }
}

/// A request frame ready to send to whichever provider the cluster picks, encoded once: the first
/// attempt sends it as it is, each later one a copy under a request id of its own.
private final class DubboEncodedRequest: Sendable {
  let frame: ByteBuffer
  /// The request id in ``frame``.
  let requestID: Int64
  let serialization: any DubboSerialization
  let timeout: TimeAmount
  let methodName: String
  private let isFirstAttemptMade = Atomic(false)

  init(
    frame: ByteBuffer,
    requestID: Int64,
    serialization: any DubboSerialization,
    timeout: TimeAmount,
    methodName: String
  ) {
    self.frame = frame
    self.requestID = requestID
    self.serialization = serialization
    self.timeout = timeout
    self.methodName = methodName
  }

  /// The length of the body, without the header.
  var bodyLength: Int { frame.readableBytes - DubboHeader.size }

  /// What one attempt writes to its connection; two-way requests deliver their answer to
  /// `response`.
  func nextAttempt(response: UnsafeContinuation<DubboFrame, any Error>?) -> DubboOutboundRequest {
    var frame = frame
    var requestID = requestID
    if isFirstAttemptMade.exchange(true, ordering: .relaxed) {
      requestID = DubboRequestID.next()
      frame.setInteger(requestID, at: frame.readerIndex + DubboHeader.requestIDOffset)
    }
    return DubboOutboundRequest(
      frame: frame, requestID: requestID, response: response, timeout: timeout, methodName: methodName)
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
