// The services the fuzzed dispatcher exports, and two argument types that accept any value.

import DubboHessian
import Foundation
import GreeterService
import SwiftProtobuf

@testable import Dubbo

/// Any Hessian value (hessian2), or any JSON value read into one (fastjson); no protobuf form.
struct FuzzValue: DubboSerializable {
  var value: HessianValue

  func encodeHessian(to encoder: inout HessianEncoder) throws {
    encoder.encode(value)
  }
  static func decodeHessian(from decoder: inout HessianDecoder) throws -> FuzzValue {
    FuzzValue(value: try decoder.decode(HessianValue.self))
  }
  func encodeJSON() throws -> [UInt8] {
    Array(try JSONSerialization.data(withJSONObject: JSONText.foundationValue(value), options: .fragmentsAllowed))
  }
  static func decodeJSON(_ bytes: [UInt8]) throws -> FuzzValue {
    FuzzValue(value: JSONText.hessianValue(try JSONText.parse(bytes)))
  }
  static var javaNull: FuzzValue? { FuzzValue(value: .null) }
  var isJavaNull: Bool { value == .null }
}

/// `google.protobuf.Value`: recursive, with protobuf and proto3 JSON forms.
extension Google_Protobuf_Value: @retroactive DubboSerializable {}

/// `org.apache.dubbo.sample.GreeterService`, as the example provider implements it.
struct FuzzGreeter: GreeterService.ServiceProtocol {
  func sayHello(name: String, context: DubboServerContext) async throws -> String {
    "Hello, \(name)"
  }
  func getUser(id: String, context: DubboServerContext) async throws -> User? {
    id.isEmpty ? nil : User(id: id, name: "user \(id)", age: 42)
  }
  func echoUser(_ user: User?, context: DubboServerContext) async throws -> User? {
    context.responseAttachments[string: "echo"] = user?.name
    return user
  }
}

/// `fuzz.Service`, exported twice (no version, and version 1.0.0 in group g with a 512-byte payload
/// limit of its own) so that a request can be routed to the second export and its arguments decoded again.
struct FuzzService: DubboServiceProvider {
  let serviceDescriptor: DubboServiceDescriptor
  var payloadLimit: Int? = nil

  static let string = JavaType.object("java.lang.String")
  static let echo = DubboMethod(
    name: "echo", parameterTypes: [string, .int], returnType: string,
    arguments: DubboArgumentList<String, Int32>.self, result: String.self)
  static let list = DubboMethod(
    name: "list", parameterTypes: [.object("java.util.List")], returnType: .object("java.util.List"),
    arguments: DubboArgumentList<[String]>.self, result: [String].self)
  static let value = DubboMethod(
    name: "value", parameterTypes: [.object("java.lang.Object"), string], returnType: .object("java.lang.Object"),
    arguments: DubboArgumentList<FuzzValue, String?>.self, result: FuzzValue.self)
  static let proto = DubboMethod(
    name: "proto", parameterTypes: [.object("com.google.protobuf.Value")],
    returnType: .object("com.google.protobuf.Value"),
    arguments: DubboArgumentList<Google_Protobuf_Value>.self, result: Google_Protobuf_Value.self)
  static let fail = DubboMethod(
    name: "fail", parameterTypes: [], returnType: .void, arguments: DubboNoArguments.self, result: DubboVoid.self)

  func registerMethods(with router: inout DubboMethodRouter) {
    router.register(Self.echo) { arguments, _ in
      let (text, count) = arguments.values
      return String(repeating: text, count: Int(min(max(count, 0), 4)))
    }
    router.register(Self.list) { arguments, _ in arguments.values.reversed() }
    router.register(Self.value) { arguments, _ in arguments.values.0 }
    router.register(Self.proto) { arguments, _ in arguments.values }
    router.register(Self.fail) { _, context in
      throw JavaThrowable(className: "java.lang.IllegalStateException", message: context.attachments[string: "why"])
    }
  }
}
