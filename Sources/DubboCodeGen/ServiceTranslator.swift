import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// What the service template renders: the namespace, descriptors, provider protocols and client of
/// one service.
struct ServiceModel {
  var namespace: String
  var protoName: String
  var javaInterface: String
  /// Swift literals: a quoted string or `nil`.
  var version: String
  var group: String
  var serialization: String
  var timeoutMilliseconds: Int
  var methods: [MethodModel]
}

/// One rpc mapped onto its Java method.
struct MethodModel {
  /// A type whose values are the request's fields as separate Java arguments.
  struct ParametersType {
    var name: String
    var encodes: [String]
    var decodes: [String]
    /// The Swift expression of the first argument's text, for a string, number or bool field.
    var firstArgumentText: String?
  }

  /// A type whose value is the response's one field as the Java return value.
  struct ResultWrapper {
    var name: String
    var encode: String
    var decode: String
    var isNull: String
  }

  var swiftName: String
  var protoName: String
  var javaName: String
  var requestType: String
  var responseType: String
  /// Swift literals of `JavaType` values.
  var parameterTypes = ""
  var returnType = ""
  var argumentsType = ""
  var resultType = ""
  var isOneway: Bool
  var isVoid = false
  /// Swift expressions converting between the messages and the wire types.
  var argumentsFromRequest = ""
  var requestFromArguments = ""
  var resultWrapOpen = ""
  var resultWrapClose = ""
  var resultToResponse = ""
  var parametersType: ParametersType?
  var resultWrapper: ResultWrapper?
}

enum ServiceTranslator {
  /// The text Java's `String.valueOf` gives the field's value, for the fields where Swift prints
  /// it the same way: strings, numbers and bools.
  private static func firstArgumentText(of field: FieldDescriptor, namer: SwiftProtobufNamer) -> String? {
    guard !field.isRepeated else { return nil }
    let property = "message.\(namer.messagePropertyNames(field: field, prefixed: "_", includeHasAndClear: false).name)"
    switch field.type {
    case .string: return property
    case .bool, .int32, .int64, .sint32, .sint64, .sfixed32, .sfixed64, .uint32, .uint64, .fixed32, .fixed64:
      return "String(\(property))"
    default: return nil
    }
  }

  static func model(of service: ServiceDescriptor, namer: SwiftProtobufNamer) throws(DubboCodeGenError) -> ServiceModel
  {
    let options = service.options.Dubbo_service
    let file = service.file!
    let package = JavaClassNames.javaPackage(of: file)
    let javaInterface =
      options.javaInterface.isEmpty
      ? (package.isEmpty ? service.name : "\(package).\(service.name)") : options.javaInterface
    let serialization: String
    switch options.serialization {
    case "", "hessian2": serialization = ".hessian2"
    case "protobuf": serialization = ".protobuf"
    case "fastjson": serialization = ".fastjson"
    default:
      throw DubboCodeGenError(
        service,
        "unknown serialization '\(options.serialization)': use hessian2, protobuf or fastjson"
      )
    }
    var methods: [MethodModel] = []
    var signatures: [String: MethodDescriptor] = [:]
    let namespace = namer.typePrefix(forFile: file) + NamingUtils.toUpperCamelCase(service.name)
    for method in service.methods {
      let model = try self.model(of: method, namespace: namespace, serialization: serialization, namer: namer)
      let signature = "\(model.javaName)(\(model.parameterTypes))"
      if let earlier = signatures.updateValue(method, forKey: signature) {
        throw DubboCodeGenError(
          method,
          "\(earlier.name) already maps to the Java method \(model.javaName) with the same parameter types; overloads need different ones"
        )
      }
      methods.append(model)
    }
    return ServiceModel(
      namespace: namespace,
      protoName: service.fullName,
      javaInterface: javaInterface,
      version: options.version.isEmpty ? "nil" : "\"\(options.version)\"",
      group: options.group.isEmpty ? "nil" : "\"\(options.group)\"",
      serialization: serialization,
      timeoutMilliseconds: options.timeoutMs == 0 ? 1000 : Int(options.timeoutMs),
      methods: methods
    )
  }

  private static func model(
    of method: MethodDescriptor,
    namespace: String,
    serialization: String,
    namer: SwiftProtobufNamer
  ) throws(DubboCodeGenError) -> MethodModel {
    if method.clientStreaming || method.serverStreaming {
      throw DubboCodeGenError(method, "streaming rpcs have no Dubbo protocol counterpart")
    }
    let options = method.options.Dubbo_method
    let swiftName = NamingUtils.toLowerCamelCase(method.name)
    let request = method.inputType!
    let response = method.outputType!
    let requestType = namer.fullName(message: request)
    let responseType = namer.fullName(message: response)
    let upper = NamingUtils.toUpperCamelCase(method.name)
    var model = MethodModel(
      swiftName: swiftName,
      protoName: method.name,
      javaName: options.javaName.isEmpty ? swiftName : options.javaName,
      requestType: requestType,
      responseType: responseType,
      isOneway: options.oneway
    )
    if (options.arguments == .fields || options.result == .field), serialization != ".hessian2" {
      throw DubboCodeGenError(
        method,
        "a Java method whose parameters are the request's fields, or whose result is one field, needs the hessian2 serialization"
      )
    }

    if serialization == ".hessian2" {
      for message in [request, response] where !JavaClassNames.hasPlainJavaClass(message) {
        let travels = message === request ? options.arguments == .message : options.result == .message
        guard travels else { continue }
        throw DubboCodeGenError(
          method,
          "\(message.fullName) has no Java class for hessian2: set option (dubbo.message).java_class, or java_multiple_files in its file"
        )
      }
    }
    switch options.arguments {
    case .message, .UNRECOGNIZED:
      model.parameterTypes = javaTypeLiteral(.init(name: JavaClassNames.javaClass(of: request)))
      model.argumentsType = "DubboArgumentList<\(requestType)>"
      model.argumentsFromRequest = "DubboArgumentList(request)"
      model.requestFromArguments = "arguments.values"
    case .fields where request.fields.isEmpty:
      model.parameterTypes = ""
      model.argumentsType = "DubboNoArguments"
      model.argumentsFromRequest = "DubboNoArguments()"
      model.requestFromArguments = "\(requestType)()"
    case .fields:
      var types: [String] = []
      var encodes: [String] = []
      var decodes: [String] = []
      for field in request.fields {
        let coding = try HessianFieldCoding(field, receiver: "message", namer: namer)
        types.append(javaTypeLiteral(coding.javaType))
        encodes.append(coding.encode)
        decodes.append(coding.decode)
      }
      model.parameterTypes = types.joined(separator: ", ")
      model.argumentsType = "\(upper)Parameters"
      model.argumentsFromRequest = "\(upper)Parameters(request)"
      model.requestFromArguments = "arguments.message"
      model.parametersType = MethodModel.ParametersType(
        name: "\(upper)Parameters",
        encodes: encodes,
        decodes: decodes,
        firstArgumentText: firstArgumentText(of: request.fields[0], namer: namer)
      )
    }

    switch options.result {
    case .message, .UNRECOGNIZED:
      model.returnType = javaTypeLiteral(.init(name: JavaClassNames.javaClass(of: response)))
      model.resultType = responseType
    case .void:
      guard response.fields.isEmpty else {
        throw DubboCodeGenError(method, "a void Java method needs a response message without fields")
      }
      model.returnType = ".void"
      model.resultType = "DubboVoid"
      model.isVoid = true
    case .field:
      guard response.fields.count == 1, let field = response.fields.first else {
        throw DubboCodeGenError(method, "a result held in one field needs a response message with exactly one field")
      }
      let coding = try HessianFieldCoding(field, receiver: "message", namer: namer)
      model.returnType = javaTypeLiteral(coding.javaType)
      model.resultType = "\(upper)Result"
      model.resultWrapOpen = "\(namespace).\(upper)Result("
      model.resultWrapClose = ")"
      model.resultToResponse = ".message"
      let presence = HessianFieldCoding.presence(of: field, receiver: "message", namer: namer)
      model.resultWrapper = MethodModel.ResultWrapper(
        name: "\(upper)Result",
        encode: coding.encode,
        decode: coding.decode,
        isNull: presence.map { coding.javaType.isPrimitive ? "false" : "if \($0) { false } else { true }" } ?? "false"
      )
    }
    if model.isOneway, options.result != .void {
      throw DubboCodeGenError(method, "a oneway method returns nothing: set (dubbo.method).result = RESULT_SHAPE_VOID")
    }
    return model
  }

  /// The Swift literal of the erased Java type: `.int`, `.object("java.util.List")`, `.array(.long)`.
  static func javaTypeLiteral(_ type: JavaTypeExpression) -> String {
    if type.arrayDimensions > 0 { return ".array(\(javaTypeLiteral(type.arrayElement)))" }
    return type.isPrimitive ? ".\(type.name)" : ".object(\"\(type.name)\")"
  }
}
