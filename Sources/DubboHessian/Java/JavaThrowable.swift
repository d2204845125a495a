/// A Java exception (any `java.lang.Throwable`), as a Swift error.
///
/// It carries what a Java peer sends: the class name, the message, the cause chain, the stack
/// trace, suppressed exceptions, and the fields a subclass adds (for example the `code` of
/// `org.apache.dubbo.rpc.RpcException`), kept in order as Hessian values. Encoding it makes the
/// Java peer build an exception of ``className`` (which it must be able to load).
public struct JavaThrowable: Error, Hashable, Sendable, CustomStringConvertible {
  /// The binary name of the exception class, for example `java.lang.IllegalStateException`.
  public var className: String
  /// The detail message (`getMessage()`), if any.
  public var message: String?
  /// The frames of the stack trace, innermost first.
  public var stackTrace: [JavaStackTraceElement]
  /// The exceptions suppressed in favour of this one (`getSuppressed()`).
  public var suppressed: [JavaThrowable]
  /// The fields declared by subclasses of `java.lang.Throwable`, in wire order.
  public var additionalFields: [HessianObject.Field]
  private var causeStorage: Cause?

  /// Heap storage for the recursive ``cause``.
  private indirect enum Cause: Hashable, Sendable {
    case throwable(JavaThrowable)
  }

  /// Creates an exception.
  public init(
    className: String,
    message: String? = nil,
    cause: JavaThrowable? = nil,
    stackTrace: [JavaStackTraceElement] = [],
    suppressed: [JavaThrowable] = [],
    additionalFields: [HessianObject.Field] = []
  ) {
    self.className = className
    self.message = message
    self.stackTrace = stackTrace
    self.suppressed = suppressed
    self.additionalFields = additionalFields
    self.cause = cause
  }

  /// The exception that caused this one (`getCause()`), if any.
  public var cause: JavaThrowable? {
    get {
      guard case .throwable(let cause) = causeStorage else { return nil }
      return cause
    }
    set { causeStorage = newValue.map(Cause.throwable) }
  }

  /// The exception as Java's `toString()` writes it: the class name, then `": "` and the message
  /// when there is one (`java.lang.IllegalStateException: boom`).
  public var description: String {
    message.map { "\(className): \($0)" } ?? className
  }
}
