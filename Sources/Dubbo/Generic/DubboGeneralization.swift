import DubboHessian
import NIOCore

/// Java's `PojoUtils` on the wire form of values: how typed values become the maps, lists and
/// strings of a generic call, and back.
enum DubboGeneralization {
  /// The class entry of a generalized object (`class`).
  static let classKey = HessianValue.string("class")

  /// `PojoUtils.generalize`: an object becomes a `HashMap` with one entry per field and a `class`
  /// entry naming it when `includingClass` (Java's `generic.include.class`, default true), in the
  /// order Java's `HashMap` iterates them; a constant of a Java enum
  /// (``HessianClassDefinition/isJavaEnum(_:)``) becomes its name; `LocalDate`, `LocalDateTime` and `LocalTime` become
  /// their text while `BigDecimal`, `BigInteger` and the other java.time values stay as they are;
  /// lists and maps are generalized element-wise.
  static func generalize(_ value: HessianValue, includingClass: Bool = true) -> HessianValue {
    switch value {
    case .object(let object):
      if object.fields.count == 1, object.fields[0].name == "name", case .string = object.fields[0].value,
        HessianClassDefinition.isJavaEnum(object.className)
      {
        return object.fields[0].value
      }
      if let text = javaText(ofTextualObject: value, className: object.className) { return .string(text) }
      if isKept(object.className) { return value }
      let fields = object.fields.map {
        HessianMap.Entry(key: .string($0.name), value: generalize($0.value, includingClass: includingClass))
      }
      let entries =
        includingClass ? [HessianMap.Entry(key: classKey, value: .string(object.className))] + fields : fields
      let keys = entries.map { if case .string(let key) = $0.key { key } else { "" } }
      return .map(HessianMap(entries: JavaHashMapOrder.indices(of: keys).map { entries[$0] }))
    default:
      return transformingContents(of: value) { generalize($0, includingClass: includingClass) }
    }
  }

  /// Whether objects of the class stay as they are: the numbers `PojoUtils` keeps, and the
  /// java.time values, which hessian-lite writes as handle objects Java reads back whole.
  private static func isKept(_ className: String) -> Bool {
    className == JavaBigDecimal.hessianClass.className || className == JavaBigInteger.hessianClass.className
      || className.hasPrefix(javaTimeHandlePackage)
  }

  private static let javaTimeHandlePackage = "com.alibaba.com.caucho.hessian.io.java8."

  /// The text `toString()` gives a `LocalDate`, `LocalDateTime` or `LocalTime` written as
  /// `value`; `nil` for other classes and malformed values.
  private static func javaText(ofTextualObject value: HessianValue, className: String) -> String? {
    func text<Time: JavaTextRepresentable>(as type: Time.Type) -> String? {
      var encoder = HessianEncoder()
      encoder.encode(value)
      var decoder = HessianDecoder(bytes: encoder.bytes)
      return try? decoder.decode(Time.self).javaText
    }
    switch className {
    case JavaLocalDate.hessianClass.className: return text(as: JavaLocalDate.self)
    case JavaLocalDateTime.hessianClass.className: return text(as: JavaLocalDateTime.self)
    case JavaLocalTime.hessianClass.className: return text(as: JavaLocalTime.self)
    default: return nil
    }
  }

  /// `PojoUtils.realize`: a map whose `class` entry is a string becomes an object of that class
  /// with the other entries as fields; lists and maps are realized element-wise.
  static func realize(_ value: HessianValue) -> HessianValue {
    guard case .map(let map) = value,
      case .string(let className) = map.entries.first(where: { $0.key == classKey })?.value
    else { return transformingContents(of: value, with: realize) }
    let fields = map.entries.compactMap { entry -> HessianObject.Field? in
      guard case .string(let field) = entry.key, entry.key != classKey else { return nil }
      return HessianObject.Field(name: field, value: realize(entry.value))
    }
    return .object(HessianObject(className: className, fields: fields))
  }

  /// ``realize(_:)`` for a value of a declared type: a map without a `class` entry given for an
  /// application class (not `java.*`) becomes an object of that class, as Java's `PojoUtils`
  /// makes it from the parameter type (consumers with `generic.include.class=false` send such
  /// maps). Maps nested in it need their `class` entry.
  static func realize(_ value: HessianValue, declaredAs type: JavaType) -> HessianValue {
    guard case .object(let className) = type, !className.hasPrefix("java."), !className.hasPrefix("javax."),
      case .map(let map) = value, !map.entries.contains(where: { $0.key == classKey })
    else { return realize(value) }
    return realize(
      .map(HessianMap(entries: [HessianMap.Entry(key: classKey, value: .string(className))] + map.entries)))
  }

  /// The first `count` values a hessian2 writer writes, generalized: how a generic call carries
  /// typed arguments.
  static func generalizedValues(
    count: Int,
    limits: HessianDecodingLimits,
    writtenBy write: (inout any DubboObjectOutput) throws -> Void
  ) throws -> [HessianValue] {
    var input = try hessian2Input(limits: limits, writtenBy: write)
    return try (0..<count).map { _ in generalize(try input.readValue(HessianValue.self)) }
  }

  /// A generalized value read as `Value` (objects need their `class` entry).
  static func realized<Value: DubboSerializable>(
    _ value: HessianValue,
    as type: Value.Type,
    limits: HessianDecodingLimits
  ) throws -> Value {
    var input = try hessian2Input(limits: limits) { try $0.writeValue(realize(value)) }
    return try input.readValue(Value.self)
  }

  /// A hessian2 input reading back what `write` writes.
  static func hessian2Input(
    limits: HessianDecodingLimits,
    writtenBy write: (inout any DubboObjectOutput) throws -> Void
  ) throws -> any DubboObjectInput {
    var output = Hessian2Serialization().makeOutput()
    try write(&output)
    var body = ByteBufferAllocator().buffer(capacity: 256)
    output.write(to: &body)
    return Hessian2Serialization().makeInput(body: body, limits: limits)
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
}
