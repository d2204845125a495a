import DubboHessian
import Logging
import NIOCore

/// Answers one request frame: decodes it, finds the export, runs the handler and encodes the
/// response, producing exactly the statuses and texts Java Dubbo produces for each failure.
final class DubboRequestDispatcher: Sendable {
  struct Export: Sendable {
    var descriptor: DubboServiceDescriptor
    var methods: DubboMethodRouter
    var payloadLimit: Int?
  }

  /// Exports by Java's exporter key without the port (`group/interface:version`).
  let exports: [String: Export]
  /// Exports by interface, to find a method's parameter types before the group is known.
  let exportsByInterface: [String: [Export]]
  let serializations: DubboSerializationRegistry
  let limits: HessianDecodingLimits
  let payloadLimit: Int?
  let genericSettings: DubboGenericSettings
  let logger: Logger

  init(
    providers: [any DubboServiceProvider],
    serializations: DubboSerializationRegistry,
    limits: HessianDecodingLimits,
    payloadLimit: Int?,
    genericSettings: DubboGenericSettings,
    logger: Logger
  ) {
    var exports: [String: Export] = [:]
    for provider in providers {
      var router = DubboMethodRouter()
      provider.registerMethods(with: &router)
      exports[provider.serviceDescriptor.serviceKey] = Export(
        descriptor: provider.serviceDescriptor,
        methods: router,
        payloadLimit: provider.payloadLimit
      )
    }
    self.exports = exports
    self.exportsByInterface = Dictionary(grouping: exports.values, by: \.descriptor.interface)
    self.serializations = serializations
    self.limits = limits
    self.payloadLimit = payloadLimit
    self.genericSettings = genericSettings
    self.logger = logger
  }

  struct Connection: Sendable {
    var local: SocketAddress? = nil
    var remote: SocketAddress? = nil

    var description: String {
      "consumer: \(remote.map { "\($0)" } ?? "?") --> provider: \(local.map { "\($0)" } ?? "?")"
    }
  }

  /// The response to a two-way request, or `nil` for a oneway one.
  func respond(to frame: DubboFrame, on connection: Connection, allocator: ByteBufferAllocator) async -> DubboFrame? {
    let header = frame.header
    guard let serialization = serializations.serialization(for: header.serialization) else {
      return errorResponse(
        to: header,
        status: .badRequest,
        message: "Fail to decode request due to: java.io.IOException: Unrecognized serialize type from consumer: "
          + "\(header.serialization)",
        serialization: Hessian2Serialization(),
        allocator: allocator
      )
    }
    let outcome = await run(frame, serialization: serialization, connection: connection)
    guard header.isTwoWay else { return nil }
    switch outcome {
    case .failed(let status, let message):
      return errorResponse(
        to: header, status: status, message: message, serialization: serialization, allocator: allocator)
    case .completed(let result, let responseAttachments):
      let body: ByteBuffer
      do {
        body = try DubboBody.result(
          result,
          attachments: responseAttachments,
          serialization: serialization,
          allocator: allocator
        )
      } catch {
        return errorResponse(
          to: header,
          status: .badResponse,
          message: "Failed to send response: request id \(header.requestID), cause: \(Self.javaText(error))",
          serialization: serialization,
          allocator: allocator
        )
      }
      if let payloadLimit, body.readableBytes > payloadLimit {
        return errorResponse(
          to: header,
          status: .serializationError,
          message: DubboPayloadLimit.exceededMessage(
            length: body.readableBytes,
            limit: payloadLimit,
            channel: connection.description
          ),
          serialization: serialization,
          allocator: allocator
        )
      }
      return DubboFrame(header: responseHeader(to: header, status: .ok, serialization: serialization), body: body)
    }
  }

  /// The answer to a request whose body was over the payload limit.
  func respondToOversized(
    _ header: DubboHeader, limit: Int, connection: Connection, allocator: ByteBufferAllocator
  )
    -> DubboFrame?
  {
    guard header.isTwoWay else { return nil }
    let message = DubboPayloadLimit.exceededMessage(
      length: Int(header.bodyLength),
      limit: limit,
      channel: connection.description
    )
    return errorResponse(
      to: header,
      status: .badRequest,
      message:
        "Fail to decode request due to: org.apache.dubbo.remoting.transport.ExceedPayloadLimitException: \(message)",
      serialization: serializations.serialization(for: header.serialization) ?? Hessian2Serialization(),
      allocator: allocator
    )
  }

  private enum Outcome {
    case completed(DubboEncodedResult, attachments: DubboAttachments?)
    case failed(DubboStatus, String)
  }

  private func run(_ frame: DubboFrame, serialization: any DubboSerialization, connection: Connection) async -> Outcome
  {
    var input = serialization.makeInput(body: frame.body, limits: limits)
    let prologue: DubboRequestPrologue
    do {
      prologue = try DubboRequestPrologue(from: &input)
    } catch {
      return .failed(.badRequest, "Fail to decode request due to: \(Self.javaText(error))")
    }
    guard let candidates = exportsByInterface[prologue.path], let candidate = candidates.first else {
      return notFound(prologue: prologue, key: prologue.path, connection: connection)
    }
    let methodKey = DubboMethodRouter.Key(name: prologue.methodName, parameterDescriptor: prologue.parameterDescriptor)
    guard let candidateHandler = candidate.methods.handlers[methodKey] else {
      if DubboGenericProvider.isGenericCall(prologue) {
        return await runGeneric(prologue, input: &input, frame: frame, connection: connection)
      }
      return .failed(
        .badRequest,
        "Fail to decode request due to: java.lang.IllegalArgumentException: Service not found:\(prologue.path), "
          + "\(prologue.methodName)"
      )
    }
    let argumentsStart = input
    var invocation: DubboMethodHandler.Invocation
    let attachments: DubboAttachments
    do {
      invocation = try candidateHandler.decodeArguments(&input)
      attachments = try Self.attachments(of: prologue, readingFrom: &input)
    } catch {
      return .failed(.badRequest, "Fail to decode request due to: \(Self.javaText(error))")
    }
    let requested = Self.requestedService(prologue, attachments)
    let export: Export
    let handler: DubboMethodHandler
    if candidate.descriptor == requested {
      (export, handler) = (candidate, candidateHandler)
    } else {
      guard let found = exports[requested.serviceKey], let foundHandler = found.methods.handlers[methodKey] else {
        return notFound(prologue: prologue, key: requested.serviceKey, connection: connection)
      }
      (export, handler) = (found, foundHandler)
    }
    if let oversized = oversized(frame, for: export, connection: connection) { return oversized }
    if export.descriptor != candidate.descriptor {
      do {
        input = argumentsStart
        invocation = try handler.decodeArguments(&input)
      } catch {
        return .failed(.badRequest, "Fail to decode request due to: \(Self.javaText(error))")
      }
    }
    return await complete(
      invocation, of: export, method: prologue.methodName, attachments: attachments, prologue: prologue,
      connection: connection)
  }

  /// Runs a `$invoke` call on the method it names (see ``DubboGenericProvider``).
  private func runGeneric(
    _ prologue: DubboRequestPrologue,
    input: inout any DubboObjectInput,
    frame: DubboFrame,
    connection: Connection
  ) async -> Outcome {
    let call: DubboGenericArguments
    let attachments: DubboAttachments
    do {
      call = try DubboGenericArguments(from: &input)
      attachments = try Self.attachments(of: prologue, readingFrom: &input)
    } catch {
      return .failed(.badRequest, "Fail to decode request due to: \(Self.javaText(error))")
    }
    let requested = Self.requestedService(prologue, attachments)
    guard let export = exports[requested.serviceKey] else {
      return notFound(prologue: prologue, key: requested.serviceKey, connection: connection)
    }
    if let oversized = oversized(frame, for: export, connection: connection) { return oversized }
    let invocation: DubboMethodHandler.Invocation
    do {
      try DubboGenericProvider.checkMode(of: attachments)
      let key = try DubboGenericProvider.methodKey(of: call, in: export)
      var arguments = try DubboGenericProvider.realizedArguments(call, of: key, limits: limits)
      invocation = try export.methods.handlers[key]!.decodeArguments(&arguments)
    } catch {
      let throwable =
        error as? JavaThrowable
        ?? JavaThrowable(
          className: "java.lang.IllegalArgumentException",
          message: "The arguments of \(call.method) do not fit its parameter types: \(Self.javaText(error))"
        )
      return await complete(
        { _ in throw throwable }, of: export, method: call.method, attachments: attachments, prologue: prologue,
        connection: connection)
    }
    let (limits, settings) = (limits, genericSettings)
    return await complete(
      { context in
        let result: DubboEncodedResult
        do {
          result = try await invocation(context)
        } catch {
          result = .exception(Self.javaThrowable(for: error))
        }
        return try DubboGenericProvider.generalizedResult(
          result, attachments: attachments, settings: settings, limits: limits)
      },
      of: export, method: call.method, attachments: attachments, prologue: prologue, connection: connection)
  }

  /// A request's attachments: what the prologue says, then what the consumer sent.
  private static func attachments(
    of prologue: DubboRequestPrologue,
    readingFrom input: inout any DubboObjectInput
  ) throws -> DubboAttachments {
    var attachments = DubboAttachments()
    attachments[string: "dubbo"] = prologue.dubboVersion
    attachments[string: "path"] = prologue.path
    attachments[string: "version"] = prologue.version
    attachments.merge(try input.readAttachments())
    return attachments
  }

  /// The service a request is for: its path, version and group as the attachments finally say.
  private static func requestedService(
    _ prologue: DubboRequestPrologue,
    _ attachments: DubboAttachments
  ) -> DubboServiceDescriptor {
    DubboServiceDescriptor(
      interface: attachments[string: "path"] ?? prologue.path,
      version: attachments[string: "version"],
      group: attachments[string: "group"]
    )
  }

  /// The answer to a request over the service's payload limit, if it is.
  private func oversized(_ frame: DubboFrame, for export: Export, connection: Connection) -> Outcome? {
    guard let limit = export.payloadLimit, frame.body.readableBytes > limit else { return nil }
    let message = DubboPayloadLimit.exceededMessage(
      length: frame.body.readableBytes,
      limit: limit,
      channel: connection.description
    )
    return .failed(
      .badRequest,
      "Fail to decode request due to: org.apache.dubbo.remoting.transport.ExceedPayloadLimitException: \(message)"
    )
  }

  /// Runs the call and adds the response attachments the consumer's version supports.
  private func complete(
    _ invocation: DubboMethodHandler.Invocation,
    of export: Export,
    method: String,
    attachments: DubboAttachments,
    prologue: DubboRequestPrologue,
    connection: Connection
  ) async -> Outcome {
    let context = DubboServerContext(
      service: export.descriptor,
      methodName: method,
      attachments: attachments,
      remoteAddress: connection.remote,
      localAddress: connection.local
    )
    let result: DubboEncodedResult
    do {
      result = try await invocation(context)
    } catch {
      result = .exception(Self.javaThrowable(for: error))
    }
    guard DubboProtocolVersion.supportsResponseAttachments(prologue.dubboVersion) else {
      return .completed(result, attachments: nil)
    }
    var responseAttachments = context.responseAttachments
    responseAttachments[string: "dubbo"] = DubboProtocolVersion.current
    return .completed(result, attachments: responseAttachments)
  }

  private func notFound(prologue: DubboRequestPrologue, key: String, connection: Connection) -> Outcome {
    let port = connection.local?.port.map { ":\($0)" } ?? ""
    let known = exports.keys.sorted().map { "\($0)\(port)" }.joined(separator: ", ")
    return .failed(
      .serviceError,
      "org.apache.dubbo.remoting.RemotingException: Not found exported service: \(key)\(port) in [\(known)], "
        + "may be version or group mismatch , channel: \(connection.description), "
        + "message:RpcInvocation [methodName=\(prologue.methodName), "
        + "parameterTypesDesc=\(prologue.parameterDescriptor), serviceName=\(prologue.path)]"
    )
  }

  private func responseHeader(
    to request: DubboHeader, status: DubboStatus, serialization: any DubboSerialization
  )
    -> DubboHeader
  {
    DubboHeader(isRequest: false, serialization: serialization.id, status: status, requestID: request.requestID)
  }

  private func errorResponse(
    to request: DubboHeader,
    status: DubboStatus,
    message: String,
    serialization: any DubboSerialization,
    allocator: ByteBufferAllocator
  ) -> DubboFrame? {
    guard request.isTwoWay else { return nil }
    logger.debug("Answering request \(request.requestID) with \(status): \(message)")
    let body =
      (try? DubboBody.errorText(message, serialization: serialization, allocator: allocator))
      ?? allocator.buffer(capacity: 0)
    return DubboFrame(header: responseHeader(to: request, status: status, serialization: serialization), body: body)
  }

  /// The exception a handler's error reaches the consumer as.
  static func javaThrowable(for error: any Error) -> JavaThrowable {
    switch error {
    case let throwable as JavaThrowable: throwable
    case let error as DubboError where error.exception != nil: error.exception!
    default: JavaThrowable(className: "java.lang.RuntimeException", message: String(describing: error))
    }
  }

  /// An error as Java's `StringUtils.toString(Throwable)` starts: class name and message.
  static func javaText(_ error: any Error) -> String {
    switch error {
    case let throwable as JavaThrowable: throwable.description
    case let error as DubboError: "org.apache.dubbo.rpc.RpcException: \(error.message)"
    default: "java.io.IOException: \(error)"
    }
  }
}
