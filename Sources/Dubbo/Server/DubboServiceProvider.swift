import NIOConcurrencyHelpers
import NIOCore

/// An implementation of one Dubbo service that a ``DubboServer`` exports.
///
/// Generated provider protocols conform to this; a hand-written provider registers a handler for
/// each method in ``registerMethods(with:)``.
public protocol DubboServiceProvider: Sendable {
  /// The service this provider implements: interface, version and group.
  var serviceDescriptor: DubboServiceDescriptor { get }
  /// Registers a handler for each method.
  func registerMethods(with router: inout DubboMethodRouter)
  /// The largest request body this service accepts (Java's service `payload` attribute); larger
  /// requests are answered with ``DubboStatus/badRequest``. `nil` (the default) leaves only the
  /// server's limit.
  var payloadLimit: Int? { get }
}

extension DubboServiceProvider {
  /// No limit of the service's own.
  public var payloadLimit: Int? { nil }
}

/// The methods of one exported service, by Java name and parameter descriptor.
public struct DubboMethodRouter: Sendable {
  struct Key: Hashable {
    var name: String
    var parameterDescriptor: String
  }

  private(set) var handlers: [Key: DubboMethodHandler] = [:]

  init() {}

  /// Registers the handler of a method; a second registration of the same signature replaces
  /// the first.
  /// - Parameters:
  ///   - method: the method, whose name and parameter types calls must match exactly.
  ///   - handler: runs each call. Throw a ``JavaThrowable`` (or a ``DubboError`` carrying one)
  ///     to answer with that Java exception; any other error reaches the consumer as a
  ///     `java.lang.RuntimeException` with the error's description, as Java's `ExceptionFilter`
  ///     wraps undeclared exceptions.
  public mutating func register<Arguments, Result>(
    _ method: DubboMethod<Arguments, Result>,
    handler: @escaping @Sendable (Arguments, DubboServerContext) async throws -> Result
  ) {
    handlers[Key(name: method.name, parameterDescriptor: method.parameterDescriptor)] = DubboMethodHandler { input in
      let arguments = try Arguments(from: &input)
      return { context in .value(try await handler(arguments, context)) }
    }
  }
}

/// A registered method with its types erased: reads the arguments, then runs the call.
struct DubboMethodHandler: Sendable {
  typealias Invocation = @Sendable (DubboServerContext) async throws -> DubboEncodedResult
  let decodeArguments: @Sendable (inout any DubboObjectInput) throws -> Invocation
}

/// What a provider's handler knows about the call it is running.
public final class DubboServerContext: Sendable {
  /// The service the call was addressed to.
  public let service: DubboServiceDescriptor
  /// The Java method name.
  public let methodName: String
  /// The attachments the consumer sent (including `path`, `version`, `group`, `timeout`).
  public let attachments: DubboAttachments
  /// The consumer's address.
  public let remoteAddress: SocketAddress?
  /// The address the call arrived on.
  public let localAddress: SocketAddress?
  private let response = NIOLockedValueBox(DubboAttachments())

  init(
    service: DubboServiceDescriptor,
    methodName: String,
    attachments: DubboAttachments,
    remoteAddress: SocketAddress?,
    localAddress: SocketAddress?
  ) {
    self.service = service
    self.methodName = methodName
    self.attachments = attachments
    self.remoteAddress = remoteAddress
    self.localAddress = localAddress
  }

  /// Attachments to send back with the result (consumers speaking protocol 2.0.2 receive them).
  public var responseAttachments: DubboAttachments {
    get { response.withLockedValue { $0 } }
    set { response.withLockedValue { $0 = newValue } }
  }
}
