import DubboHessian

/// Why a Dubbo call failed.
///
/// ``status`` is the Dubbo status the failure corresponds to, whether a provider sent it or this
/// process detected it (Java's consumer-side statuses: ``DubboStatus/clientTimeout``,
/// ``DubboStatus/serverTimeout``, ``DubboStatus/channelInactive``, ``DubboStatus/clientError``).
/// A method that ran and threw on the provider has status ``DubboStatus/ok`` and the Java
/// exception in ``exception``.
public struct DubboError: Error, Sendable, CustomStringConvertible {
  /// The status of the failure.
  public var status: DubboStatus
  /// What went wrong, as the provider or this process put it.
  public var message: String
  /// The exception the provider's method threw, with its Java class.
  public var exception: JavaThrowable?
  /// The attachments the provider sent with an exception result.
  public var attachments = DubboAttachments()

  /// Creates an error.
  public init(status: DubboStatus, message: String, exception: JavaThrowable? = nil) {
    self.status = status
    self.message = message
    self.exception = exception
  }

  /// An error for an exception the provider's method threw.
  public init(exception: JavaThrowable) {
    self.init(status: .ok, message: exception.description, exception: exception)
  }

  /// The status and the message.
  public var description: String {
    exception.map { "remote exception \($0)" } ?? "\(status): \(message)"
  }
}
