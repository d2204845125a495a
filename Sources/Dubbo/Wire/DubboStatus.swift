/// The status byte of a Dubbo response (`org.apache.dubbo.remoting.exchange.Response`).
///
/// Only ``ok`` responses carry a result; every other status carries a single error text.
/// Some statuses never travel: Java consumers use them for failures they detect themselves
/// (timeouts, a lost connection, an undecodable response), and so does ``DubboError``.
public struct DubboStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The byte on the wire.
  public var rawValue: UInt8

  /// Creates a status from its byte.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// 20: a normal result.
  public static let ok = DubboStatus(rawValue: 20)
  /// 25: the provider's encoded response exceeded its payload limit.
  public static let serializationError = DubboStatus(rawValue: 25)
  /// 30: the call timed out before the request was sent (consumer side only).
  public static let clientTimeout = DubboStatus(rawValue: 30)
  /// 31: the call timed out waiting for the answer (consumer side only).
  public static let serverTimeout = DubboStatus(rawValue: 31)
  /// 35: the connection was lost (consumer side only).
  public static let channelInactive = DubboStatus(rawValue: 35)
  /// 40: the provider could not decode the request.
  public static let badRequest = DubboStatus(rawValue: 40)
  /// 50: the provider could not encode the response.
  public static let badResponse = DubboStatus(rawValue: 50)
  /// 60: the service was not found (defined by Java Dubbo, not produced by it).
  public static let serviceNotFound = DubboStatus(rawValue: 60)
  /// 70: the provider failed to dispatch the call, for example to an unknown service.
  public static let serviceError = DubboStatus(rawValue: 70)
  /// 80: the provider failed while executing the call.
  public static let serverError = DubboStatus(rawValue: 80)
  /// 90: the consumer could not accept the response (undecodable or over its payload limit).
  public static let clientError = DubboStatus(rawValue: 90)
  /// 100: the provider had no capacity to run the call.
  public static let serverThreadPoolExhausted = DubboStatus(rawValue: 100)

  /// Java's constant name for the status, or its number when it has none.
  public var description: String {
    switch self {
    case .ok: "OK"
    case .serializationError: "SERIALIZATION_ERROR"
    case .clientTimeout: "CLIENT_TIMEOUT"
    case .serverTimeout: "SERVER_TIMEOUT"
    case .channelInactive: "CHANNEL_INACTIVE"
    case .badRequest: "BAD_REQUEST"
    case .badResponse: "BAD_RESPONSE"
    case .serviceNotFound: "SERVICE_NOT_FOUND"
    case .serviceError: "SERVICE_ERROR"
    case .serverError: "SERVER_ERROR"
    case .clientError: "CLIENT_ERROR"
    case .serverThreadPoolExhausted: "SERVER_THREADPOOL_EXHAUSTED_ERROR"
    default: "status \(rawValue)"
    }
  }
}
