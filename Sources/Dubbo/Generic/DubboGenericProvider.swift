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
    (prologue.methodName == "$invoke" || prologue.methodName == "$invokeAsync")
      && prologue.parameterDescriptor == descriptor
  }

  /// The router key of the method a generic call names: by its parameter types, or, when the
  /// call gives none but has arguments, the only method of that name.
  /// - Throws: ``JavaThrowable`` (`org.apache.dubbo.rpc.RpcException`) when there is no such method.
  static func methodKey(
    of call: DubboGenericArguments,
    in export: DubboRequestDispatcher.Export
  ) throws -> DubboMethodRouter.Key {
    let keys = export.methods.handlers.keys.filter { $0.name == call.method }
    if call.parameterTypes.isEmpty, !call.values.isEmpty {
      guard keys.count == 1, let key = keys.first else {
        throw noSuchMethod(call, in: export, reason: keys.isEmpty ? nil : "it is overloaded: give the parameter types")
      }
      return key
    }
    let types: [JavaType]
    do {
      types = try call.parameterTypes.map(javaType(named:))
    } catch {
      throw noSuchMethod(call, in: export, reason: "\(error)")
    }
    let key = DubboMethodRouter.Key(name: call.method, parameterDescriptor: JavaType.descriptor(of: types))
    guard keys.contains(key) else { throw noSuchMethod(call, in: export, reason: nil) }
    return key
  }

  /// The arguments as the method's types read them: the values written again as a hessian2
  /// stream, maps with a `class` entry written as objects of that class.
  static func realizedArguments(
    _ call: DubboGenericArguments, limits: HessianDecodingLimits
  ) throws
    -> any DubboObjectInput
  {
    var output = Hessian2Serialization().makeOutput()
    for value in call.values { try output.writeValue(realize(value)) }
    var body = ByteBufferAllocator().buffer(capacity: 256)
    output.write(to: &body)
    return Hessian2Serialization().makeInput(body: body, limits: limits)
  }

  /// The result as a generic consumer receives it: objects as maps with a `class` entry, enums as
  /// their names.
  static func generalizedResult(
    _ result: DubboEncodedResult, limits: HessianDecodingLimits
  ) throws
    -> DubboEncodedResult
  {
    guard result.kind == .value else { return result }
    var output = Hessian2Serialization().makeOutput()
    try result.write(&output)
    var body = ByteBufferAllocator().buffer(capacity: 256)
    output.write(to: &body)
    var input = Hessian2Serialization().makeInput(body: body, limits: limits)
    return .value(generalize(try input.readValue(HessianValue.self)))
  }

  /// `PojoUtils.realize` on the wire form: a map whose `class` entry is a string becomes an object
  /// of that class with the other entries as fields; lists and maps are realized element-wise.
  static func realize(_ value: HessianValue) -> HessianValue {
    guard case .map(let map) = value,
      case .string(let className) = map.entries.first(where: { $0.key == .string("class") })?.value
    else { return transformingContents(of: value, with: realize) }
    let fields = map.entries.compactMap { entry -> HessianObject.Field? in
      guard case .string(let field) = entry.key, field != "class" else { return nil }
      return HessianObject.Field(name: field, value: realize(entry.value))
    }
    return .object(HessianObject(className: className, fields: fields))
  }

  /// `PojoUtils.generalize` on the wire form: an object becomes a `HashMap` with a `class` entry
  /// and one entry per field; an object whose only field is `name` (how a Java enum is written)
  /// becomes the name.
  static func generalize(_ value: HessianValue) -> HessianValue {
    switch value {
    case .object(let object):
      if object.fields.count == 1, object.fields[0].name == "name", case .string = object.fields[0].value {
        return object.fields[0].value
      }
      let entries =
        [HessianMap.Entry(key: .string("class"), value: .string(object.className))]
        + object.fields.map { HessianMap.Entry(key: .string($0.name), value: generalize($0.value)) }
      return .map(HessianMap(entries: entries))
    default:
      return transformingContents(of: value, with: generalize)
    }
  }

  /// `value` with `transform` applied to a map's keys and values or a list's elements; any other
  /// value as it is.
  private static func transformingContents(
    of value: HessianValue,
    with transform: (HessianValue) -> HessianValue
  ) -> HessianValue {
    switch value {
    case .map(let map):
      .map(
        HessianMap(
          type: map.type,
          entries: map.entries.map { HessianMap.Entry(key: transform($0.key), value: transform($0.value)) }))
    case .list(let list):
      .list(HessianList(type: list.type, elements: list.elements.map(transform)))
    default:
      value
    }
  }

  /// A type name as `ReflectUtils.getName` writes it (`int`, `java.lang.String`,
  /// `java.lang.String[]`) or as `Class.getName` does (`[I`, `[Ljava.lang.String;`).
  static func javaType(named name: String) throws(JavaDescriptorError) -> JavaType {
    guard name.hasSuffix("[]") else { return try JavaType(javaName: name) }
    return .array(try javaType(named: String(name.dropLast(2))))
  }

  private static func noSuchMethod(
    _ call: DubboGenericArguments,
    in export: DubboRequestDispatcher.Export,
    reason: String?
  ) -> JavaThrowable {
    let signature = "\(call.method)(\(call.parameterTypes.joined(separator: ", ")))"
    return JavaThrowable(
      className: "org.apache.dubbo.rpc.RpcException",
      message: "No such method \(signature) in service \(export.descriptor.serviceKey)"
        + (reason.map { ": \($0)" } ?? "")
    )
  }
}
