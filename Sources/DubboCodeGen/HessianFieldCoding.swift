import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// How one field of a message travels as a field of its Java class: the Java name and type, the
/// statement writing the field, and the statement reading it.
struct HessianFieldCoding {
  var javaName: String
  var javaType: JavaTypeExpression
  var encode: String
  var decode: String

  /// Whether Java's serializer counts the field as primitive-like (primitives and `java.lang`
  /// types except `Object`), which decides the order of fields in the class definition.
  var isPrimitiveLike: Bool {
    javaType.arrayDimensions == 0
      && (javaType.isPrimitive || javaType.name.hasPrefix("java.lang.") && javaType.name != "java.lang.Object")
  }

  /// - Parameter receiver: the message whose field the statements write and read.
  init(_ field: FieldDescriptor, receiver: String = "self", namer: SwiftProtobufNamer) throws(DubboCodeGenError) {
    let options = field.options.Dubbo_field
    javaName = options.javaName.isEmpty ? NamingUtils.toLowerCamelCase(field.name) : options.javaName
    var annotated: JavaTypeExpression?
    if !options.javaType.isEmpty {
      guard let parsed = JavaTypeExpression(parsing: options.javaType) else {
        throw DubboCodeGenError(field, "'\(options.javaType)' is not a Java type")
      }
      annotated = parsed
    }
    let name = namer.messagePropertyNames(field: field, prefixed: "_", includeHasAndClear: false).name
    let property = "\(receiver).\(name)"
    if field.isMap {
      (javaType, encode, decode) = try Self.map(
        field, annotated: annotated, property: property, namer: namer)
      return
    }
    if field.isRepeated {
      let (type, wireType, element) = try Self.list(field, annotated: annotated, namer: namer)
      javaType = type
      encode =
        "encoder.writeListHeader(count: \(property).count, type: \(wireType)); for element in \(property) { \(element.encode("element")) }"
      decode = "if try !decoder.consumeNull() { \(property) = try decoder.readList { decoder in \(element.decode) } }"
      return
    }
    if annotated == nil, field.hasPresence, field.realContainingOneof == nil, let boxed = Self.boxedTypes[field.type] {
      annotated = JavaTypeExpression(name: boxed)
    }
    let value = try HessianValueCoding.single(field, annotated: annotated, namer: namer)
    javaType = value.javaType
    let write = value.encode(property)
    if let presence = Self.presence(of: field, receiver: receiver, namer: namer), !value.javaType.isPrimitive {
      encode = "if \(presence) { \(write) } else { encoder.writeNull() }"
    } else {
      encode = write
    }
    // Java's readers take null as zero or false where a primitive is expected, as ours do.
    decode =
      value.javaType.isPrimitive
      ? "\(property) = \(value.decode)" : "if try !decoder.consumeNull() { \(property) = \(value.decode) }"
  }

  /// A repeated field: its Java type, the type its Hessian list carries, and its elements' coding.
  private static func list(
    _ field: FieldDescriptor,
    annotated: JavaTypeExpression?,
    namer: SwiftProtobufNamer
  ) throws(DubboCodeGenError) -> (JavaTypeExpression, String, HessianValueCoding) {
    let collection = annotated ?? JavaTypeExpression(name: "java.util.List")
    if collection.arrayDimensions == 1, collection.arguments.isEmpty {
      let element = try HessianValueCoding.single(field, annotated: collection.arrayElement, namer: namer)
      let type = JavaTypeExpression(name: element.javaType.name, arrayDimensions: 1)
      return (type, "\"[\(arrayComponentName(element.javaType))\"", element)
    }
    guard collection.arrayDimensions == 0, collection.arguments.count <= 1,
      let listType = collectionListTypes[collection.name]
    else {
      throw DubboCodeGenError(
        field,
        "the Java type \(collection) does not fit a repeated field: use a List, Set, Collection or an array"
      )
    }
    let element = try HessianValueCoding.single(field, annotated: collection.arguments.first, namer: namer)
    let type = JavaTypeExpression(name: collection.name, arguments: [element.javaType])
    return (type, listType.map { "\"\($0)\"" } ?? "nil", element)
  }

  /// A map field: its Java type, the statement writing it and the statement reading it.
  private static func map(
    _ field: FieldDescriptor,
    annotated: JavaTypeExpression?,
    property: String,
    namer: SwiftProtobufNamer
  ) throws(DubboCodeGenError) -> (JavaTypeExpression, String, String) {
    let mapClass = annotated?.name ?? "java.util.Map"
    guard mapClasses.contains(mapClass), annotated?.arrayDimensions ?? 0 == 0,
      annotated?.arguments.count ?? 0 == 0 || annotated?.arguments.count == 2
    else {
      throw DubboCodeGenError(
        field,
        "the Java type \(annotated?.description ?? "") does not fit a map field: use Map, HashMap, LinkedHashMap or TreeMap"
      )
    }
    let (keyField, valueField) = field.messageType.mapKeyAndValue!
    let key = try HessianValueCoding.single(keyField, annotated: annotated?.arguments.first, namer: namer)
    let value = try HessianValueCoding.single(valueField, annotated: annotated?.arguments.last, namer: namer)
    let isHashMap = mapClass == "java.util.Map" || mapClass == "java.util.HashMap"
    let entries: String
    switch keyField.type {
    case .string where isHashMap: entries = "\(property).inJavaHashMapOrder"
    case .bool: entries = "\(property).sorted(by: { !$0.key && $1.key })"
    default: entries = "\(property).sorted(by: { $0.key < $1.key })"
    }
    let encode =
      "encoder.writeMapHeader(type: \(isHashMap ? "nil" : "\"\(mapClass)\"")); for (key, value) in \(entries) { \(key.encode("key")); \(value.encode("value")) }; encoder.writeEnd()"
    let decode =
      "if try !decoder.consumeNull() { \(property) = try decoder.readMap { decoder in (\(key.decode), \(value.decode)) } }"
    return (JavaTypeExpression(name: mapClass, arguments: [key.javaType, value.javaType]), encode, decode)
  }

  static let mapClasses: Set<String> = [
    "java.util.Map", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
  ]

  /// The condition under which a field with presence is set, or `nil` for a field without.
  static func presence(of field: FieldDescriptor, receiver: String, namer: SwiftProtobufNamer) -> String? {
    guard field.hasPresence else { return nil }
    if let oneof = field.realContainingOneof {
      let oneofProperty = namer.messagePropertyName(oneof: oneof).name
      let caseName = namer.messagePropertyNames(field: field, prefixed: "_", includeHasAndClear: false).name
      return "case .\(caseName.trimmingBackticks)? = \(receiver).\(oneofProperty)"
    }
    return "\(receiver)." + namer.messagePropertyNames(field: field, prefixed: "_", includeHasAndClear: true).has
  }

  /// The name a Java array type gives its component in a Hessian typed list (`[int`, `[string`).
  static func arrayComponentName(_ element: JavaTypeExpression) -> String {
    switch element.name {
    case "java.lang.String": "string"
    case "java.lang.Object": "object"
    case "java.util.Date": "date"
    default: element.name
    }
  }

  /// The Java collections a repeated field can be, and the type a Hessian list of them carries
  /// (`nil` for an untyped list, as Java writes an `ArrayList`).
  static let collectionListTypes: [String: String?] = [
    "java.util.List": nil,
    "java.util.ArrayList": nil,
    "java.util.Collection": nil,
    "java.util.Set": "java.util.HashSet",
    "java.util.HashSet": "java.util.HashSet",
    "java.util.LinkedHashSet": "java.util.LinkedHashSet",
    "java.util.TreeSet": "java.util.TreeSet",
    "java.util.LinkedList": "java.util.LinkedList",
  ]

  /// The wrapper class a scalar with presence (proto3 `optional`) maps to by default.
  static let boxedTypes: [Google_Protobuf_FieldDescriptorProto.TypeEnum: String] = [
    .bool: "Boolean", .int32: "Integer", .sint32: "Integer", .sfixed32: "Integer", .uint32: "Integer",
    .fixed32: "Integer", .int64: "Long", .sint64: "Long", .sfixed64: "Long", .uint64: "Long", .fixed64: "Long",
    .float: "Float", .double: "Double",
  ]
}

extension String {
  /// The name without the backticks that escape a keyword.
  var trimmingBackticks: String { filter { $0 != "`" } }
}
