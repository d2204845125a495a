import DubboHessian

/// Java Dubbo's `GenericException`: how an exception crosses a generic call to a consumer that
/// may not have its class. It names the original class and message in two fields,
/// `exceptionClass` and `exceptionMessage`.
public enum DubboGenericException {
  /// The class Dubbo 2.7 providers (and 3.x ones with dubbo-compatible) wrap a generic call's
  /// exception in.
  public static let compatibleClassName = "com.alibaba.dubbo.rpc.service.GenericException"
  /// The class of Dubbo 3's own `GenericException`.
  public static let className = "org.apache.dubbo.rpc.service.GenericException"

  /// `new com.alibaba.dubbo.rpc.service.GenericException(cause)`: the message is the cause's
  /// `toString()` with its stack trace, as `StringUtils.toString(Throwable)` prints it.
  static func wrapping(_ cause: JavaThrowable) -> JavaThrowable {
    let trace = cause.stackTrace.map { "\n\tat \($0)" }.joined()
    return JavaThrowable(
      className: compatibleClassName,
      message: cause.description + trace,
      additionalFields: [
        HessianObject.Field(name: "exceptionClass", value: .string(cause.className)),
        HessianObject.Field(name: "exceptionMessage", value: cause.message.map(HessianValue.string) ?? .null),
      ]
    )
  }
}

extension JavaThrowable {
  /// The exception a `GenericException` stands for (its `exceptionClass` and
  /// `exceptionMessage`), as Java's `GenericImplFilter` rebuilds it; `nil` for any other
  /// exception.
  public var genericExceptionCause: JavaThrowable? {
    guard className == DubboGenericException.compatibleClassName || className == DubboGenericException.className,
      case .string(let causeClass) = additionalFields.first(where: { $0.name == "exceptionClass" })?.value
    else { return nil }
    guard case .string(let message) = additionalFields.first(where: { $0.name == "exceptionMessage" })?.value else {
      return JavaThrowable(className: causeClass)
    }
    return JavaThrowable(className: causeClass, message: message)
  }
}
