import DubboHessian

/// A method of a Dubbo service: its Java name and signature, and the Swift types its arguments
/// and result travel as. Generated code declares one per method; hand-written code can too.
public struct DubboMethod<Arguments: DubboArguments, Result: DubboSerializable>: Sendable {
  /// The Java method name.
  public var name: String
  /// The declared Java parameter types; they must match the provider's exactly.
  public var parameterTypes: [JavaType] {
    didSet { parameterDescriptor = JavaType.descriptor(of: parameterTypes) }
  }
  /// The declared Java return type.
  public var returnType: JavaType
  /// The JVM descriptor of the parameter types (`Ljava/lang/String;I`), sent with every call.
  public private(set) var parameterDescriptor: String
  /// Whether calls are oneway by default: sent without waiting for, or getting, an answer.
  public var isOneway: Bool

  /// Creates a method.
  public init(
    name: String,
    parameterTypes: [JavaType],
    returnType: JavaType,
    isOneway: Bool = false,
    arguments: Arguments.Type = Arguments.self,
    result: Result.Type = Result.self
  ) {
    self.name = name
    self.parameterTypes = parameterTypes
    self.returnType = returnType
    self.parameterDescriptor = JavaType.descriptor(of: parameterTypes)
    self.isOneway = isOneway
  }
}

/// The result of a Java `void` method (Java answers with a null result).
public struct DubboVoid: DubboSerializable, Hashable {
  /// Creates the value.
  public init() {}

  /// Skips whatever value the provider sent.
  public static func decodeHessian(from decoder: inout HessianDecoder) throws -> DubboVoid {
    try decoder.skipValue()
    return DubboVoid()
  }
  /// Writes `N`.
  public func encodeHessian(to encoder: inout HessianEncoder) throws {
    encoder.writeNull()
  }
  /// `null`.
  public func encodeJSON() throws -> [UInt8] { Array("null".utf8) }
  /// Accepts any JSON.
  public static func decodeJSON(_ bytes: [UInt8]) throws -> DubboVoid { DubboVoid() }
  /// The void value.
  public static var javaNull: DubboVoid? { DubboVoid() }
  /// Always null.
  public var isJavaNull: Bool { true }
}
