import Dubbo
import DubboHessian
import NIOConcurrencyHelpers
import NIOCore
import SwiftProtobuf

extension Google_Protobuf_StringValue: DubboSerializable {}

/// A service with one method per behaviour the end-to-end tests exercise.
enum TestService {
  static let descriptor = DubboServiceDescriptor(interface: "org.apache.dubbo.test.TestService")
  static let string = JavaType.object("java.lang.String")

  static let echo = DubboMethod(
    name: "echo",
    parameterTypes: [string],
    returnType: string,
    arguments: DubboArgumentList<String>.self,
    result: String.self
  )
  static let slowEcho = DubboMethod(
    name: "slowEcho",
    parameterTypes: [string, .int],
    returnType: string,
    arguments: DubboArgumentList<String, Int32>.self,
    result: String.self
  )
  static let fail = DubboMethod(
    name: "fail",
    parameterTypes: [string],
    returnType: string,
    arguments: DubboArgumentList<String>.self,
    result: String.self
  )
  static let repeatText = DubboMethod(
    name: "repeatText",
    parameterTypes: [string, .int],
    returnType: string,
    arguments: DubboArgumentList<String, Int32>.self,
    result: String.self
  )
  static let attachment = DubboMethod(
    name: "attachment",
    parameterTypes: [string],
    returnType: string,
    arguments: DubboArgumentList<String>.self,
    result: String?.self
  )
  static let consumerPort = DubboMethod(
    name: "consumerPort",
    parameterTypes: [],
    returnType: .int,
    arguments: DubboNoArguments.self,
    result: Int32.self
  )
  static let record = DubboMethod(
    name: "record",
    parameterTypes: [string],
    returnType: .void,
    isOneway: true,
    arguments: DubboArgumentList<String>.self,
    result: DubboVoid.self
  )
  static let protoEcho = DubboMethod(
    name: "protoEcho",
    parameterTypes: [.object("com.google.protobuf.StringValue")],
    returnType: .object("com.google.protobuf.StringValue"),
    arguments: DubboArgumentList<Google_Protobuf_StringValue>.self,
    result: Google_Protobuf_StringValue.self
  )
}

/// The test service's implementation; ``recorded`` collects what oneway calls delivered.
struct TestProvider: DubboServiceProvider {
  var serviceDescriptor: DubboServiceDescriptor = TestService.descriptor
  var payloadLimit: Int?
  let recorded = NIOLockedValueBox<[String]>([])
  let slowCallsStarted = NIOLockedValueBox(0)

  func registerMethods(with router: inout DubboMethodRouter) {
    router.register(TestService.echo) { arguments, _ in arguments.values }
    router.register(TestService.slowEcho) { arguments, _ in
      let (text, milliseconds) = arguments.values
      slowCallsStarted.withLockedValue { $0 += 1 }
      try await Task.sleep(for: .milliseconds(Int(milliseconds)))
      return text
    }
    router.register(TestService.fail) { arguments, _ in
      switch arguments.values {
      case "java":
        throw JavaThrowable(className: "java.lang.IllegalStateException", message: "boom")
      default:
        throw TestFailure(reason: arguments.values)
      }
    }
    router.register(TestService.repeatText) { arguments, _ in
      let (text, count) = arguments.values
      return String(repeating: text, count: Int(count))
    }
    router.register(TestService.attachment) { arguments, context in
      context.responseAttachments[string: "served-by"] = "swift"
      return context.attachments[arguments.values].map(\.attachmentText)
    }
    router.register(TestService.consumerPort) { _, context in
      Int32(context.remoteAddress?.port ?? -1)
    }
    router.register(TestService.record) { arguments, _ in
      recorded.withLockedValue { $0.append(arguments.values) }
      return DubboVoid()
    }
    router.register(TestService.protoEcho) { arguments, _ in
      Google_Protobuf_StringValue("proto: " + arguments.values.value)
    }
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var reason: String
  var description: String { "test failure: \(reason)" }
}

extension HessianValue {
  var attachmentText: String {
    switch self {
    case .string(let value): value
    case .int(let value): String(value)
    case .long(let value): String(value)
    default: String(describing: self)
    }
  }
}
