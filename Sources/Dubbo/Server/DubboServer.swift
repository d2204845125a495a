import DubboHessian
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Exports Dubbo services on one address.
///
/// ``serve()`` binds, answers calls until ``beginGracefulShutdown()`` is called, then stops
/// accepting connections, tells connected consumers it is going away (Java's readonly event),
/// keeps answering until no call is running and none has arrived for 100 ms (requests already on
/// the wire), for at most ``Configuration/gracefulShutdownTimeout``, and closes every connection. As a swift-service-lifecycle `Service`, ``run()`` does the same and starts
/// the shutdown when the service group shuts down gracefully.
public final class DubboServer: Service, Sendable {
  /// Where the server listens and what it accepts.
  public struct Configuration: Sendable {
    /// The host or address to bind.
    public var host: String
    /// The port to bind; 0 picks a free one (see ``DubboServer/listeningAddress``).
    public var port: Int
    /// The largest request body accepted and response body sent; `nil` for no limit.
    public var payloadLimit: Int?
    /// The serializations requests may use; a provider answers in the request's serialization.
    public var serializations: DubboSerializationRegistry
    /// Bounds on decoding requests.
    public var decodingLimits: HessianDecodingLimits
    /// How long graceful shutdown waits for calls in flight (Java's default: 10 s).
    public var gracefulShutdownTimeout: Duration
    /// How long a connection may stay silent before it is closed (Java: three heartbeats, 180 s).
    public var idleTimeout: Duration
    /// Where request handlers run (default: ``HandlerExecution/startingOnEventLoop``).
    public var handlerExecution: HandlerExecution
    /// Where to publish the exported services once the server listens; `nil` (the default) for
    /// consumers that reach the server directly.
    public var registration: Registration?
    /// How generic (`$invoke`) calls of the services are answered.
    public var genericCalls: DubboGenericSettings

    /// Creates a configuration with Java Dubbo's defaults.
    public init(
      host: String = "127.0.0.1",
      port: Int = 20880,
      payloadLimit: Int? = DubboPayloadLimit.default,
      serializations: DubboSerializationRegistry = .default,
      decodingLimits: HessianDecodingLimits = .default,
      gracefulShutdownTimeout: Duration = .seconds(10),
      idleTimeout: Duration = .seconds(180),
      handlerExecution: HandlerExecution = .startingOnEventLoop,
      genericCalls: DubboGenericSettings = DubboGenericSettings()
    ) {
      self.host = host
      self.port = port
      self.payloadLimit = payloadLimit
      self.serializations = serializations
      self.decodingLimits = decodingLimits
      self.gracefulShutdownTimeout = gracefulShutdownTimeout
      self.idleTimeout = idleTimeout
      self.handlerExecution = handlerExecution
      self.genericCalls = genericCalls
    }
  }

  /// Where a request's handler runs.
  public enum HandlerExecution: Sendable, Hashable {
    /// The handler starts on its connection's event loop as the request is read and runs there
    /// until it first suspends, then goes on on Swift's global concurrent executor. A handler that
    /// answers without suspending costs no thread hop; code before its first suspension must not
    /// block or compute for long, since it holds up every connection on that loop. Needs macOS 26
    /// on Apple platforms; earlier ones run handlers as ``globalExecutor``.
    case startingOnEventLoop
    /// The whole handler runs on Swift's global concurrent executor, like Java's default thread
    /// pool dispatcher: for handlers that may block or compute for long before they suspend.
    case globalExecutor
    /// The whole handler runs on its connection's event loop, like Java's `direct` dispatcher:
    /// only for handlers that never block or compute for long. Needs macOS 15 on Apple platforms;
    /// earlier ones run handlers as ``globalExecutor``.
    case eventLoop
  }

  /// How a server publishes its services in a registry: one provider URL per service
  /// (``DubboURL/provider(service:host:port:isAnyHost:application:methods:parameters:timestamp:)``,
  /// with `generic=true` for a service that registers a `$invoke` handler itself), registered once the server listens and withdrawn when a graceful shutdown begins, before
  /// calls in flight are drained.
  public struct Registration: Sendable {
    /// The registry.
    public var registry: any DubboRegistry
    /// The provider's application name (`application`).
    public var application: String
    /// The address consumers connect to (Java's `DUBBO_IP_TO_REGISTRY`); by default the bound
    /// host, or ``DubboURL/localHost()`` when the server is bound to every interface.
    public var advertisedHost: String?
    /// More provider URL parameters: `weight`, `warmup`, `serialization`,
    /// `prefer.serialization`, `timeout`, …
    public var parameters: [String: String]

    /// Creates a registration.
    public init(
      registry: any DubboRegistry,
      application: String,
      advertisedHost: String? = nil,
      parameters: [String: String] = [:]
    ) {
      self.registry = registry
      self.application = application
      self.advertisedHost = advertisedHost
      self.parameters = parameters
    }
  }

  private enum Phase {
    case idle
    case listening(any Channel)
    case shuttingDown
  }

  private struct State {
    var phase = Phase.idle
    var connections: [ObjectIdentifier: any Channel] = [:]
    /// Set once binding has succeeded or failed.
    var bound: Result<SocketAddress, DubboError>?
    var addressWaiters: [CheckedContinuation<SocketAddress, any Error>] = []
  }

  /// The configuration the server was created with.
  public let configuration: Configuration
  private let dispatcher: DubboRequestDispatcher
  private let group: any EventLoopGroup
  private let logger: Logger
  private let calls = DubboInFlightCalls()
  private let state = NIOLockedValueBox(State())

  /// Creates a server for the given services.
  public init(
    configuration: Configuration = Configuration(),
    services: [any DubboServiceProvider],
    eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
    logger: Logger = Logger(label: "dubbo.server")
  ) {
    self.configuration = configuration
    self.group = eventLoopGroup
    self.logger = logger
    self.dispatcher = DubboRequestDispatcher(
      providers: services,
      serializations: configuration.serializations,
      limits: configuration.decodingLimits,
      payloadLimit: configuration.payloadLimit,
      genericSettings: configuration.genericCalls,
      logger: logger
    )
  }

  /// Binds and serves until a graceful shutdown completes.
  /// - Throws: ``DubboError`` with ``DubboStatus/serverError`` when the address cannot be bound.
  public func serve() async throws {
    let listener: any Channel
    do {
      listener = try await bind()
    } catch {
      let failure = DubboError(
        status: .serverError,
        message: "Cannot listen on \(configuration.host):\(configuration.port): \(error)"
      )
      publish(.failure(failure))
      throw failure
    }
    let shuttingDown = state.withLockedValue { state in
      if case .shuttingDown = state.phase { return true }
      state.phase = .listening(listener)
      return false
    }
    let registered: [DubboURL]
    do {
      registered = try await register(listeningOn: listener.localAddress?.port ?? configuration.port)
    } catch {
      try? await listener.close()
      let failure = DubboError(status: .serverError, message: "Cannot register the services: \(error)")
      publish(.failure(failure))
      throw failure
    }
    if let address = listener.localAddress {
      publish(.success(address))
      logger.info("Dubbo server listening on \(address)")
    }
    if shuttingDown { try? await listener.close() }
    try? await listener.closeFuture.get()
    if let registry = configuration.registration?.registry {
      for url in registered {
        do {
          try await registry.unregister(url)
        } catch {
          logger.warning("Cannot unregister \(url.path): \(error)")
        }
      }
    }
    await calls.drain(quietPeriod: .milliseconds(100), until: .now + configuration.gracefulShutdownTimeout)
    let connections = state.withLockedValue { Array($0.connections.values) }
    for connection in connections { try? await connection.close() }
    logger.info("Dubbo server stopped")
  }

  /// Runs ``serve()``, starting a graceful shutdown when the service group asks for one.
  public func run() async throws {
    try await withGracefulShutdownHandler {
      try await serve()
    } onGracefulShutdown: {
      self.beginGracefulShutdown()
    }
  }

  /// Stops accepting connections, sends consumers the readonly event, and lets ``serve()`` return
  /// once calls in flight have finished or the shutdown timeout has passed.
  public func beginGracefulShutdown() {
    let (listener, connections) = state.withLockedValue { state -> ((any Channel)?, [any Channel]) in
      defer { state.phase = .shuttingDown }
      guard case .listening(let listener) = state.phase else { return (nil, []) }
      return (listener, Array(state.connections.values))
    }
    // The events are queued on each connection's event loop before the listener closes, so they
    // go out before `serve()` closes the connections.
    for connection in connections {
      connection.writeAndFlush(
        Self.readonlyEvent(allocator: connection.allocator).encoded(allocator: connection.allocator), promise: nil)
    }
    listener?.close(promise: nil)
  }

  /// The address the server listens on, once it is bound (useful with port 0).
  /// - Throws: ``DubboError`` when binding failed.
  public var listeningAddress: SocketAddress {
    get async throws {
      try await withCheckedThrowingContinuation { continuation in
        let bound = state.withLockedValue { state in
          if state.bound == nil { state.addressWaiters.append(continuation) }
          return state.bound
        }
        if let bound { continuation.resume(with: bound) }
      }
    }
  }

  /// Registers every exported service; returns the URLs registered.
  private func register(listeningOn port: Int) async throws -> [DubboURL] {
    guard let registration = configuration.registration else { return [] }
    let isAnyHost = ["0.0.0.0", "::", ""].contains(configuration.host)
    let host = registration.advertisedHost ?? (isAnyHost ? DubboURL.localHost() : configuration.host)
    var registered: [DubboURL] = []
    for export in dispatcher.exports.values.sorted(by: { $0.descriptor.serviceKey < $1.descriptor.serviceKey }) {
      // A service that answers `$invoke` itself is a generic implementation: Java consumers then
      // turn every call into `$invoke`.
      let genericKey = DubboMethodRouter.Key(
        name: DubboGeneric.invoke.name, parameterDescriptor: DubboGenericProvider.descriptor)
      var parameters = registration.parameters
      if export.methods.handlers[genericKey] != nil { parameters["generic"] = "true" }
      let url = DubboURL.provider(
        service: export.descriptor,
        host: host,
        port: port,
        isAnyHost: isAnyHost,
        application: registration.application,
        methods: export.methods.handlers.keys.map(\.name),
        parameters: parameters
      )
      registered.append(url)
      do {
        try await registration.registry.register(url)
      } catch {
        // A registry may keep trying to publish what it was given: withdraw it all, as the
        // server will not serve.
        for url in registered { try? await registration.registry.unregister(url) }
        throw error
      }
      logger.info("Registered \(export.descriptor.serviceKey)", metadata: ["url": "\(url)"])
    }
    return registered
  }

  private func publish(_ bound: Result<SocketAddress, DubboError>) {
    let waiters = state.withLockedValue { state in
      state.bound = bound
      defer { state.addressWaiters = [] }
      return state.addressWaiters
    }
    for waiter in waiters { waiter.resume(with: bound) }
  }

  private func bind() async throws -> any Channel {
    let dispatcher = dispatcher
    let calls = calls
    let logger = logger
    let configuration = configuration
    return try await ServerBootstrap(group: group)
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
      .childChannelInitializer { [weak self] channel in
        channel.eventLoop.makeCompletedFuture {
          let handlers = channel.pipeline.syncOperations
          try handlers.addHandler(IdleStateHandler(readTimeout: TimeAmount(configuration.idleTimeout)))
          try handlers.addHandler(ByteToMessageHandler(DubboFrameDecoder(payloadLimit: configuration.payloadLimit)))
          try handlers.addHandler(
            DubboServerHandler(
              dispatcher: dispatcher,
              calls: calls,
              handlerExecution: configuration.handlerExecution,
              logger: logger
            ))
          self?.track(channel)
        }
      }
      .bind(host: configuration.host, port: configuration.port)
      .get()
  }

  private func track(_ channel: any Channel) {
    let id = ObjectIdentifier(channel)
    state.withLockedValue { $0.connections[id] = channel }
    channel.closeFuture.whenComplete { [weak self] _ in
      _ = self?.state.withLockedValue { $0.connections.removeValue(forKey: id) }
    }
  }

  /// Java's readonly event: a oneway event request whose body is the string `R`.
  private static func readonlyEvent(allocator: ByteBufferAllocator) -> DubboFrame {
    var output = Hessian2Serialization().makeOutput()
    try? output.writeString("R")
    let header = DubboHeader(isRequest: true, isEvent: true, serialization: .hessian2, requestID: DubboRequestID.next())
    return DubboFrame(header: header, body: output.finished(allocator: allocator))
  }
}
