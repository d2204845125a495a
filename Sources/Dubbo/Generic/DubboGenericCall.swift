import DubboHessian

/// Java's `GenericService.$invoke(String method, String[] parameterTypes, Object[] args)`: a
/// call of any method of a service without its Swift types, the arguments and the result as
/// ``HessianValue``s (objects as maps with a `class` entry, as Java's `PojoUtils` generalizes them).
public enum DubboGeneric {
  /// `Object $invoke(String, String[], Object[])`, as Java's generic consumers send it.
  public static let invoke = DubboMethod(
    name: "$invoke",
    parameterTypes: [
      .object("java.lang.String"), .array(.object("java.lang.String")), .array(.object("java.lang.Object")),
    ],
    returnType: .object("java.lang.Object"),
    arguments: DubboGenericArguments.self,
    result: HessianValue.self
  )

  /// `CompletableFuture<Object> $invokeAsync(String, String[], Object[])`: the same call as Java's
  /// asynchronous generic stubs name it. Providers answer both alike.
  public static let invokeAsync: DubboMethod<DubboGenericArguments, HessianValue> = {
    var method = invoke
    method.name = "$invokeAsync"
    return method
  }()

  /// The names of the generic methods.
  static let methodNames: Set = [invoke.name, invokeAsync.name]
}

/// The three arguments of `$invoke`: the real method's name, its Java parameter type names
/// (`java.lang.String`, `int`, `com.foo.User`, `java.lang.String[]`) as a `String[]` or `null`
/// (the only method of that name), and its arguments as an `Object[]`.
public struct DubboGenericArguments: DubboArguments, Hashable {
  /// The Java method to call.
  public var method: String
  /// The Java names of its parameter types; `nil` asks the provider for the only method of the
  /// name, whose types it converts the arguments to (Java's `ReflectUtils` lookup by name).
  public var parameterTypes: [String]?
  /// Its arguments, generalized.
  public var values: [HessianValue]

  /// Creates the arguments of a generic call.
  public init(method: String, parameterTypes: [String]?, values: [HessianValue]) {
    self.method = method
    self.parameterTypes = parameterTypes
    self.values = values
  }

  /// Writes the name, then the types as a typed `[string` list (or null) and the values as a
  /// typed `[object` list, as Java writes a `String[]` and an `Object[]`.
  public func write(to output: inout any DubboObjectOutput) throws {
    try output.writeValue(method)
    try output.writeValue(
      parameterTypes.map { HessianValue.list(HessianList(type: "[string", elements: $0.map(HessianValue.string))) }
        ?? .null)
    try output.writeValue(HessianValue.list(HessianList(type: "[object", elements: values)))
  }

  /// Reads the three arguments; the types and values may come as any list, or null (for the
  /// types: none given; for the values: none).
  public init(from input: inout any DubboObjectInput) throws {
    method = try input.readValue(String.self)
    let types = try input.readValue(HessianValue.self)
    parameterTypes =
      types == .null
      ? nil
      : try Self.elements(of: types, what: "parameter types").map {
        guard case .string(let name) = $0 else {
          throw DubboSerializationError("a $invoke parameter type is not a string: \($0)")
        }
        return name
      }
    values = try Self.elements(of: input.readValue(HessianValue.self), what: "arguments")
  }

  /// The method name, for consistent hashing.
  public var firstArgumentText: String? { method }

  private static func elements(of value: HessianValue, what: String) throws -> [HessianValue] {
    switch value {
    case .null: return []
    case .list(let list): return list.elements
    default: throw DubboSerializationError("the $invoke \(what) are not a list: \(value)")
    }
  }
}

extension DubboClient {
  /// Calls `method` of the reference's service the way Java's `GenericService.$invoke` does: no
  /// Swift types needed, the `generic` attachment set to `true` unless the options set it.
  ///
  /// - Parameters:
  ///   - method: the Java method name.
  ///   - parameterTypes: the Java names of its parameter types, in order (`[]` for none), or
  ///     `nil` for the only method of that name.
  ///   - arguments: its arguments, generalized: objects as maps with a `class` entry, enums as
  ///     their names.
  ///   - reference: the providers and the service.
  ///   - options: settings for this call only.
  /// - Returns: the generalized result.
  /// - Throws: ``DubboError``, as ``call(_:arguments:reference:options:)`` does.
  public func invoke(
    _ method: String,
    parameterTypes: [String]?,
    arguments: [HessianValue],
    reference: DubboReference,
    options: DubboCallOptions = DubboCallOptions()
  ) async throws -> HessianValue {
    try await invokeResponse(
      DubboGenericArguments(method: method, parameterTypes: parameterTypes, values: arguments),
      reference: reference,
      options: options
    ).value
  }

  /// Calls `method` as ``invoke(_:parameterTypes:arguments:reference:options:)`` does and reads
  /// the generalized result as `Result`, for example a generated result type: maps with a
  /// `class` entry become objects of that class, names become enum constants.
  ///
  /// - Throws: ``DubboError`` as ``invoke(_:parameterTypes:arguments:reference:options:)`` does,
  ///   and with ``DubboStatus/clientError`` when the result does not fit `Result`.
  public func invoke<Result: DubboSerializable>(
    _ method: String,
    parameterTypes: [String]?,
    arguments: [HessianValue],
    as type: Result.Type,
    reference: DubboReference,
    options: DubboCallOptions = DubboCallOptions()
  ) async throws -> Result {
    let value = try await invoke(
      method, parameterTypes: parameterTypes, arguments: arguments, reference: reference, options: options)
    return try realized(value, as: Result.self, method: method)
  }

  /// A typed call sent as `$invoke`, as Java's `GenericImplFilter` sends calls to a provider
  /// that implements `GenericService`: the arguments generalized, the result realized, and a
  /// `GenericException` thrown as the exception it stands for.
  func callGenerically<Arguments, Result>(
    _ method: DubboMethod<Arguments, Result>,
    arguments: Arguments,
    reference: DubboReference,
    options: DubboCallOptions
  ) async throws -> DubboResponse<Result> {
    let values: [HessianValue]
    do {
      values = try DubboGeneralization.generalizedValues(
        count: method.parameterTypes.count, limits: configuration.decodingLimits, writtenBy: arguments.write)
    } catch {
      throw DubboError(status: .clientError, message: "Failed to generalize the arguments of \(method.name): \(error)")
    }
    var options = options
    options.isOneway = options.isOneway ?? method.isOneway
    let onewayResult = options.isOneway == true ? try Self.onewayResult(of: method) : nil
    let response: DubboResponse<HessianValue>
    do {
      response = try await invokeResponse(
        DubboGenericArguments(
          method: method.name, parameterTypes: method.parameterTypes.map(\.genericName), values: values),
        reference: reference,
        options: options)
    } catch var error as DubboError {
      if let cause = error.exception?.genericExceptionCause {
        error.exception = cause
        error.message = cause.description
      }
      throw error
    }
    if let onewayResult { return DubboResponse(value: onewayResult) }
    return DubboResponse(
      value: try realized(response.value, as: Result.self, method: method.name),
      attachments: response.attachments)
  }

  /// `$invoke` with `arguments`, the `generic` attachment set to `true` unless `options` set it.
  private func invokeResponse(
    _ arguments: DubboGenericArguments,
    reference: DubboReference,
    options: DubboCallOptions
  ) async throws -> DubboResponse<HessianValue> {
    var options = options
    if options.attachments["generic"] == nil { options.attachments[string: "generic"] = "true" }
    return try await call(DubboGeneric.invoke, arguments: arguments, reference: reference, options: options)
  }

  private func realized<Result: DubboSerializable>(
    _ value: HessianValue,
    as type: Result.Type,
    method: String
  ) throws -> Result {
    do {
      return try DubboGeneralization.realized(value, as: Result.self, limits: configuration.decodingLimits)
    } catch {
      throw DubboError(
        status: .clientError, message: "The generic result of \(method) does not fit \(Result.self): \(error)")
    }
  }
}
