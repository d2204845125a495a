import DubboHessian
import NIOCore

/// What a provider does with a `$invoke` call of a service that does not implement it itself, as
/// Java's `GenericFilter` does in its default mode (`generic=true`): find the real method by name
/// and parameter types, turn the generalized arguments into the method's types, call it, and
/// generalize the result.
enum DubboGenericProvider {
  /// The parameter descriptor of `$invoke` and `$invokeAsync`.
  static let descriptor = DubboGeneric.invoke.parameterDescriptor

  /// Whether a request is a generic call.
  static func isGenericCall(_ prologue: DubboRequestPrologue) -> Bool {
    DubboGeneric.methodNames.contains(prologue.methodName) && prologue.parameterDescriptor == descriptor
  }

  /// The router key of the method a generic call names: by its parameter types, or, when the
  /// call gives none (null, or an empty list with arguments), the only method of that name.
  /// - Throws: ``JavaThrowable`` (`org.apache.dubbo.rpc.RpcException`) when there is no such method.
  static func methodKey(
    of call: DubboGenericArguments,
    in export: DubboRequestDispatcher.Export
  ) throws -> DubboMethodRouter.Key {
    let keys = export.methods.handlers.keys.filter { $0.name == call.method }
    guard let parameterTypes = call.parameterTypes, !parameterTypes.isEmpty || call.values.isEmpty else {
      guard keys.count == 1, let key = keys.first else {
        throw noSuchMethod(call, in: export, reason: keys.isEmpty ? nil : "it is overloaded: give the parameter types")
      }
      return key
    }
    let types: [JavaType]
    do {
      types = try parameterTypes.map { name throws(JavaDescriptorError) in try JavaType(genericName: name) }
    } catch {
      throw noSuchMethod(call, in: export, reason: "\(error)")
    }
    let key = DubboMethodRouter.Key(name: call.method, parameterDescriptor: JavaType.descriptor(of: types))
    guard keys.contains(key) else { throw noSuchMethod(call, in: export, reason: nil) }
    return key
  }

  /// The generic modes (the `generic` attachment) answered: Java's default `true` (also sent as
  /// no value) and `raw.return`, which leaves the result as the method's type.
  static func checkMode(of attachments: DubboAttachments) throws {
    let mode = attachments[string: "generic"]?.lowercased() ?? ""
    guard ["", "true", "raw.return"].contains(mode) else {
      throw JavaThrowable(
        className: "org.apache.dubbo.rpc.RpcException",
        message: "Generic serialization [\(mode)] is not supported by this provider: send generic=true"
      )
    }
  }

  /// The arguments as the method's types read them: the values written again as a hessian2
  /// stream, maps with a `class` entry (or given for a parameter of an application class)
  /// written as objects of that class.
  static func realizedArguments(
    _ call: DubboGenericArguments,
    of method: DubboMethodRouter.Key,
    limits: HessianDecodingLimits
  ) throws -> any DubboObjectInput {
    let types = (try? JavaType.parameterTypes(descriptor: method.parameterDescriptor)) ?? []
    return try DubboGeneralization.hessian2Input(limits: limits) { output in
      for (index, value) in call.values.enumerated() {
        let realized =
          index < types.count
          ? DubboGeneralization.realize(value, declaredAs: types[index]) : DubboGeneralization.realize(value)
        try output.writeValue(realized)
      }
    }
  }

  /// The result as a generic consumer receives it: a value generalized (unless the mode is
  /// `raw.return`), and an exception as it is or wrapped in a `GenericException`, as `settings`
  /// say.
  static func generalizedResult(
    _ result: DubboEncodedResult,
    attachments: DubboAttachments,
    settings: DubboGenericSettings,
    limits: HessianDecodingLimits
  ) throws -> DubboEncodedResult {
    switch result.kind {
    case .value where attachments[string: "generic"]?.lowercased() != "raw.return":
      var input = try DubboGeneralization.hessian2Input(limits: limits, writtenBy: result.write)
      let value = try input.readValue(HessianValue.self)
      return .value(DubboGeneralization.generalize(value, includingClass: settings.includesClass))
    case .exception where settings.wrapsExceptions:
      var input = try DubboGeneralization.hessian2Input(limits: limits, writtenBy: result.write)
      return .exception(DubboGenericException.wrapping(try input.readThrowable()))
    default:
      return result
    }
  }

  private static func noSuchMethod(
    _ call: DubboGenericArguments,
    in export: DubboRequestDispatcher.Export,
    reason: String?
  ) -> JavaThrowable {
    let signature = "\(call.method)(\(call.parameterTypes?.joined(separator: ", ") ?? "…"))"
    return JavaThrowable(
      className: "org.apache.dubbo.rpc.RpcException",
      message: "No such method \(signature) in service \(export.descriptor.serviceKey)"
        + (reason.map { ": \($0)" } ?? "")
    )
  }
}
