import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// How one value of a proto field travels as Hessian: its Java type, the Swift statement that
/// writes it and the Swift expression that reads it (an expression of the field's Swift type).
struct HessianValueCoding: Sendable {
  /// The Java type the value has in the Java class or method.
  var javaType: JavaTypeExpression
  /// Writes the Swift expression given as the argument with `encoder`.
  var encode: @Sendable (String) -> String
  /// Reads one value with `decoder`.
  var decode: String

  /// The coding of a single (not repeated) value of `field`, or of a map key or value.
  /// - Parameter annotated: the Java type from the field's annotation; `nil` for the default.
  static func single(
    _ field: FieldDescriptor,
    annotated: JavaTypeExpression?,
    namer: SwiftProtobufNamer
  ) throws(DubboCodeGenError) -> HessianValueCoding {
    let java = annotated?.name
    func reject() -> DubboCodeGenError {
      DubboCodeGenError(
        field, "the Java type \(annotated?.description ?? "") does not fit a proto \(field.type.protoName) field")
    }
    if let annotated, annotated.arrayDimensions > 0 || !annotated.arguments.isEmpty {
      throw reject()
    }
    switch field.type {
    case .bool:
      guard java == nil || java == "boolean" || java == "java.lang.Boolean" else { throw reject() }
      return scalar(annotated ?? .init(name: "boolean"), write: "writeBool", read: "try decoder.readBool()")
    case .int32, .sint32, .sfixed32:
      switch java {
      case nil, "int", "java.lang.Integer":
        return scalar(annotated ?? .init(name: "int"), write: "writeInt", read: "try decoder.readInt()")
      case "byte", "java.lang.Byte":
        return scalar(annotated!, write: "writeInt", read: "Int32(try decoder.decode(Int8.self))")
      case "short", "java.lang.Short":
        return scalar(annotated!, write: "writeInt", read: "Int32(try decoder.decode(Int16.self))")
      default: throw reject()
      }
    case .uint32, .fixed32:
      guard java == nil || java == "int" || java == "java.lang.Integer" else { throw reject() }
      return HessianValueCoding(
        javaType: annotated ?? .init(name: "int"),
        encode: { "encoder.writeInt(Int32(bitPattern: \($0)))" },
        decode: "UInt32(bitPattern: try decoder.readInt())"
      )
    case .int64, .sint64, .sfixed64:
      switch java {
      case nil, "long", "java.lang.Long":
        return scalar(annotated ?? .init(name: "long"), write: "writeLong", read: "try decoder.readLong()")
      case "java.util.Date":
        return HessianValueCoding(
          javaType: annotated!,
          encode: { "encoder.writeDate(millisecondsSince1970: \($0))" },
          decode: "try decoder.readDateMilliseconds()"
        )
      default: throw reject()
      }
    case .uint64, .fixed64:
      guard java == nil || java == "long" || java == "java.lang.Long" else { throw reject() }
      return HessianValueCoding(
        javaType: annotated ?? .init(name: "long"),
        encode: { "encoder.writeLong(Int64(bitPattern: \($0)))" },
        decode: "UInt64(bitPattern: try decoder.readLong())"
      )
    case .float:
      switch java {
      case nil, "float":
        return HessianValueCoding(
          javaType: .init(name: "float"),
          encode: { "encoder.writeDouble(Double(\($0)))" },
          decode: "Float(try decoder.readDouble())"
        )
      case "java.lang.Float":
        return scalar(annotated!, write: "writeBoxedFloat", read: "Float(try decoder.readDouble())")
      default: throw reject()
      }
    case .double:
      guard java == nil || java == "double" || java == "java.lang.Double" else { throw reject() }
      return scalar(annotated ?? .init(name: "double"), write: "writeDouble", read: "try decoder.readDouble()")
    case .string:
      switch java {
      case nil, "java.lang.String":
        return scalar(
          annotated ?? .init(name: "java.lang.String"), write: "writeString", read: "try decoder.decode(String.self)")
      case "char", "java.lang.Character":
        return scalar(annotated!, write: "writeJavaChar", read: "try decoder.readJavaChar()")
      case let name?:
        guard let swiftType = textTypes[name] else { throw reject() }
        return HessianValueCoding(
          javaType: annotated!,
          encode: { "encoder.writeJavaText(\($0), as: \(swiftType).self)" },
          decode: "try decoder.readJavaText(\(swiftType).self)"
        )
      }
    case .bytes:
      guard java == nil || java == "byte" && annotated?.arrayDimensions == 1 else { throw reject() }
      return HessianValueCoding(
        javaType: .init(name: "byte", arrayDimensions: 1),
        encode: { "encoder.writeBinary(\($0))" },
        decode: "Data(try decoder.readBinary())"
      )
    case .enum:
      let enumType = field.enumType!
      let javaClass = JavaClassNames.javaClass(of: enumType)
      guard java == nil || java == javaClass else { throw reject() }
      return object(javaClass, swiftType: namer.fullName(enum: enumType))
    case .message:
      return try message(field, annotated: annotated, namer: namer, reject: reject)
    case .group:
      throw DubboCodeGenError(field, "groups have no Java counterpart")
    }
  }

  private static func message(
    _ field: FieldDescriptor,
    annotated: JavaTypeExpression?,
    namer: SwiftProtobufNamer,
    reject: () -> DubboCodeGenError
  ) throws(DubboCodeGenError) -> HessianValueCoding {
    let message = field.messageType!
    let java = annotated?.name
    switch message.fullName {
    case "google.protobuf.Timestamp":
      switch java {
      case nil, "java.util.Date":
        return HessianValueCoding(
          javaType: .init(name: "java.util.Date"),
          encode: { "encoder.writeDate(\($0))" },
          decode: "Google_Protobuf_Timestamp(javaMilliseconds: try decoder.readDateMilliseconds())"
        )
      case "java.time.Instant":
        return HessianValueCoding(
          javaType: annotated!,
          encode: { "encoder.writeInstant(\($0))" },
          decode: "try decoder.readInstant()"
        )
      default: throw reject()
      }
    case "google.protobuf.Duration":
      guard java == nil || java == "java.time.Duration" else { throw reject() }
      return HessianValueCoding(
        javaType: .init(name: "java.time.Duration"),
        encode: { "encoder.writeDuration(\($0))" },
        decode: "try decoder.readDuration()"
      )
    case "google.protobuf.Value":
      guard java == nil || java == "java.lang.Object" else { throw reject() }
      return HessianValueCoding(
        javaType: .init(name: "java.lang.Object"),
        encode: { "encoder.encode(HessianValue(\($0)))" },
        decode: "Google_Protobuf_Value(try decoder.decode(HessianValue.self))"
      )
    case "google.protobuf.Struct":
      guard java == nil || java == "java.util.Map" || java == "java.util.HashMap" else { throw reject() }
      return HessianValueCoding(
        javaType: .init(name: "java.util.Map", arguments: [.init(name: "String"), .init(name: "Object")]),
        encode: { "encoder.encode(HessianValue(\($0)))" },
        decode: "Google_Protobuf_Struct(try decoder.decode(HessianValue.self))"
      )
    default:
      if let wrapped = wrapperTypes[message.fullName] {
        guard java == nil || java == wrapped.javaType.name else { throw reject() }
        return HessianValueCoding(
          javaType: wrapped.javaType,
          encode: { wrapped.encode("\($0).value") },
          decode: "\(namer.fullName(message: message))(\(wrapped.decode))"
        )
      }
      let javaClass = JavaClassNames.javaClass(of: message)
      guard java == nil || java == javaClass else { throw reject() }
      return object(javaClass, swiftType: namer.fullName(message: message))
    }
  }

  private static func scalar(_ javaType: JavaTypeExpression, write: String, read: String) -> HessianValueCoding {
    HessianValueCoding(javaType: javaType, encode: { "encoder.\(write)(\($0))" }, decode: read)
  }

  private static func object(_ javaClass: String, swiftType: String) -> HessianValueCoding {
    HessianValueCoding(
      javaType: .init(name: javaClass),
      encode: { "encoder.encode(\($0))" },
      decode: "try decoder.decode(\(swiftType).self)"
    )
  }

  /// The Java types a `string` field can carry as text, and the Swift types that write them.
  static let textTypes: [String: String] = [
    "java.math.BigDecimal": "JavaBigDecimal",
    "java.math.BigInteger": "JavaBigInteger",
    "java.time.LocalDate": "JavaLocalDate",
    "java.time.LocalTime": "JavaLocalTime",
    "java.time.LocalDateTime": "JavaLocalDateTime",
    "java.time.OffsetDateTime": "JavaOffsetDateTime",
    "java.time.OffsetTime": "JavaOffsetTime",
    "java.time.ZonedDateTime": "JavaZonedDateTime",
    "java.time.Instant": "JavaInstant",
    "java.time.Duration": "JavaDuration",
    "java.time.Period": "JavaPeriod",
    "java.time.Year": "JavaYear",
    "java.time.YearMonth": "JavaYearMonth",
    "java.time.MonthDay": "JavaMonthDay",
    "java.time.ZoneId": "JavaZoneId",
    "java.time.ZoneOffset": "JavaZoneOffset",
  ]

  /// google.protobuf's wrapper messages: the Java wrapper class, and the coding of their `value`.
  private static let wrapperTypes: [String: HessianValueCoding] = [
    "google.protobuf.BoolValue": scalar(.init(name: "Boolean"), write: "writeBool", read: "try decoder.readBool()"),
    "google.protobuf.Int32Value": scalar(.init(name: "Integer"), write: "writeInt", read: "try decoder.readInt()"),
    "google.protobuf.Int64Value": scalar(.init(name: "Long"), write: "writeLong", read: "try decoder.readLong()"),
    "google.protobuf.UInt32Value": HessianValueCoding(
      javaType: .init(name: "Integer"),
      encode: { "encoder.writeInt(Int32(bitPattern: \($0)))" },
      decode: "UInt32(bitPattern: try decoder.readInt())"
    ),
    "google.protobuf.UInt64Value": HessianValueCoding(
      javaType: .init(name: "Long"),
      encode: { "encoder.writeLong(Int64(bitPattern: \($0)))" },
      decode: "UInt64(bitPattern: try decoder.readLong())"
    ),
    "google.protobuf.FloatValue": scalar(
      .init(name: "Float"), write: "writeBoxedFloat", read: "Float(try decoder.readDouble())"),
    "google.protobuf.DoubleValue": scalar(
      .init(name: "Double"), write: "writeDouble", read: "try decoder.readDouble()"),
    "google.protobuf.StringValue": scalar(
      .init(name: "String"), write: "writeString", read: "try decoder.decode(String.self)"),
    "google.protobuf.BytesValue": HessianValueCoding(
      javaType: .init(name: "byte", arrayDimensions: 1),
      encode: { "encoder.writeBinary(\($0))" },
      decode: "Data(try decoder.readBinary())"
    ),
  ]
}

extension Google_Protobuf_FieldDescriptorProto.TypeEnum {
  var protoName: String {
    switch self {
    case .double: "double"
    case .float: "float"
    case .int64: "int64"
    case .uint64: "uint64"
    case .int32: "int32"
    case .fixed64: "fixed64"
    case .fixed32: "fixed32"
    case .bool: "bool"
    case .string: "string"
    case .group: "group"
    case .message: "message"
    case .bytes: "bytes"
    case .uint32: "uint32"
    case .enum: "enum"
    case .sfixed32: "sfixed32"
    case .sfixed64: "sfixed64"
    case .sint32: "sint32"
    case .sint64: "sint64"
    }
  }
}
