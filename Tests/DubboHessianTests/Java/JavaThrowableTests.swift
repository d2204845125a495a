import DubboHessian
import NIOCore
import Testing

@Suite struct JavaThrowableTests {
  static let throwableFields = ["suppressedExceptions", "stackTrace", "cause", "detailMessage"]
  /// `java.lang.StackTraceElement` as a JDK 17 hessian-lite writes it.
  static let jdk17Frame = HessianClassDefinition(
    className: "java.lang.StackTraceElement",
    fieldNames: [
      "format", "lineNumber", "fileName", "methodName", "declaringClass", "moduleVersion", "moduleName",
      "classLoaderName",
    ]
  )

  static func writeJDK17Frame(_ encoder: inout HessianEncoder, _ frame: JavaStackTraceElement) {
    encoder.writeObjectHeader(jdk17Frame)
    encoder.writeInt(1)
    encoder.writeInt(frame.lineNumber)
    encoder.encode(frame.fileName)
    encoder.writeString(frame.methodName)
    encoder.writeString(frame.declaringClass)
    encoder.writeNull()
    encoder.writeNull()
    encoder.writeString("app")
  }

  static let frames = [
    JavaStackTraceElement(
      declaringClass: "com.foo.Service", methodName: "call", fileName: "Service.java", lineNumber: 42),
    JavaStackTraceElement(declaringClass: "jdk.internal.Native", methodName: "run", lineNumber: -2),
  ]

  @Test func decodesJavaShapedExceptionWithSelfReferencingCause() throws {
    var encoder = HessianEncoder()
    encoder.writeListHeader(count: 1)  // an earlier value, so the exception's slot is not 0
    encoder.writeString("before")
    let selfIndex = encoder.referenceCount
    encoder.writeObjectHeader(
      HessianClassDefinition(
        className: "org.apache.dubbo.rpc.RpcException", fieldNames: Self.throwableFields + ["code"])
    )
    encoder.writeListHeader(count: 0, type: "java.util.Collections$UnmodifiableList")
    encoder.writeListHeader(count: Self.frames.count, type: "[java.lang.StackTraceElement")
    for frame in Self.frames { Self.writeJDK17Frame(&encoder, frame) }
    encoder.writeReference(selfIndex)
    encoder.writeString("boom")
    encoder.writeInt(5)

    var decoder = HessianDecoder(buffer: encoder.buffer)
    #expect(try decoder.decode([String].self) == ["before"])
    let exception = try decoder.decode(JavaThrowable.self)
    #expect(decoder.isAtEnd)
    #expect(exception.className == "org.apache.dubbo.rpc.RpcException")
    #expect(exception.message == "boom")
    #expect(exception.cause == nil)
    #expect(exception.stackTrace == Self.frames)
    #expect(exception.suppressed.isEmpty)
    #expect(exception.additionalFields == [HessianObject.Field(name: "code", value: .int(5))])
    #expect(exception.description == "org.apache.dubbo.rpc.RpcException: boom")
  }

  @Test func decodesCauseChainAndSuppressedExceptions() throws {
    var encoder = HessianEncoder()
    let definition = HessianClassDefinition(className: "java.lang.RuntimeException", fieldNames: Self.throwableFields)
    let outerIndex = encoder.referenceCount
    encoder.writeObjectHeader(definition)
    encoder.writeListHeader(count: 1)  // an ArrayList, as after addSuppressed
    let suppressedIndex = encoder.referenceCount
    encoder.writeObjectHeader(
      HessianClassDefinition(className: "java.io.IOException", fieldNames: Self.throwableFields))
    encoder.writeNull()
    encoder.writeNull()
    encoder.writeReference(suppressedIndex)
    encoder.writeString("close failed")
    encoder.writeListHeader(count: 0, type: "[java.lang.StackTraceElement")
    let innerIndex = encoder.referenceCount
    encoder.writeObjectHeader(
      HessianClassDefinition(className: "java.lang.IllegalStateException", fieldNames: Self.throwableFields)
    )
    encoder.writeListHeader(count: 0, type: "java.util.Collections$UnmodifiableRandomAccessList")
    encoder.writeListHeader(count: 0, type: "[java.lang.StackTraceElement")
    encoder.writeReference(innerIndex)
    encoder.writeNull()
    encoder.writeNull()  // outer detailMessage
    #expect(outerIndex == 0)

    var decoder = HessianDecoder(buffer: encoder.buffer)
    let exception = try decoder.decode(JavaThrowable.self)
    #expect(decoder.isAtEnd)
    #expect(exception.description == "java.lang.RuntimeException")
    #expect(exception.suppressed == [JavaThrowable(className: "java.io.IOException", message: "close failed")])
    #expect(exception.cause == JavaThrowable(className: "java.lang.IllegalStateException"))
    #expect(exception.cause?.cause == nil)
  }

  @Test func anExceptionThatIsBothSuppressedAndTheCauseIsReadTwice() throws {
    var encoder = HessianEncoder()
    let definition = HessianClassDefinition(className: "java.lang.Exception", fieldNames: Self.throwableFields)
    encoder.writeObjectHeader(definition)
    encoder.writeListHeader(count: 1)
    let sharedIndex = encoder.referenceCount
    encoder.writeObjectHeader(definition)
    encoder.writeNull()
    encoder.writeListHeader(count: 1, type: "[java.lang.StackTraceElement")
    Self.writeJDK17Frame(&encoder, Self.frames[0])
    encoder.writeReference(sharedIndex)
    encoder.writeString("shared")
    encoder.writeListHeader(count: 0, type: "[java.lang.StackTraceElement")
    encoder.writeReference(sharedIndex)
    encoder.writeString("outer")

    var decoder = HessianDecoder(buffer: encoder.buffer)
    let exception = try decoder.decode(JavaThrowable.self)
    #expect(decoder.isAtEnd)
    let shared = JavaThrowable(className: "java.lang.Exception", message: "shared", stackTrace: [Self.frames[0]])
    #expect(
      exception
        == JavaThrowable(className: "java.lang.Exception", message: "outer", cause: shared, suppressed: [shared]))
  }

  @Test func encodesAsJavaThrowableLayout() {
    let bytes = encoded { $0.encode(JavaThrowable(className: "java.lang.RuntimeException", message: "boom")) }
    let expected = [
      javaClassDefinitionHex("java.lang.RuntimeException", Self.throwableFields), "60",
      "4E", "70", javaStringHex("[java.lang.StackTraceElement"), "4E", javaStringHex("boom"),
    ].joined(separator: " ")
    #expect(Hex.string(bytes) == expected)
  }

  @Test func additionalFieldsFollowDetailMessageAndFramesUseJDK8Fields() {
    let exception = JavaThrowable(
      className: "org.apache.dubbo.rpc.RpcException",
      stackTrace: [Self.frames[0]],
      additionalFields: [HessianObject.Field(name: "code", value: .int(2))]
    )
    let expected = [
      javaClassDefinitionHex("org.apache.dubbo.rpc.RpcException", Self.throwableFields + ["code"]), "60",
      "4E", "71", javaStringHex("[java.lang.StackTraceElement"),
      javaClassDefinitionHex(
        "java.lang.StackTraceElement", ["lineNumber", "fileName", "methodName", "declaringClass"]),
      "61 BA", javaStringHex("Service.java"), javaStringHex("call"), javaStringHex("com.foo.Service"),
      "4E 4E 92",
    ].joined(separator: " ")
    #expect(Hex.string(encoded { $0.encode(exception) }) == expected)
  }

  @Test func roundTripsEverything() throws {
    let exception = JavaThrowable(
      className: "com.foo.ServiceException",
      message: "outer",
      cause: JavaThrowable(
        className: "java.lang.IllegalArgumentException",
        message: "inner",
        cause: JavaThrowable(className: "java.lang.NullPointerException"),
        stackTrace: Self.frames
      ),
      stackTrace: [Self.frames[1]],
      suppressed: [
        JavaThrowable(className: "java.io.IOException", message: "a"), JavaThrowable(className: "java.lang.Error"),
      ],
      additionalFields: [
        HessianObject.Field(name: "errorCode", value: .string("E42")),
        HessianObject.Field(name: "retryable", value: .bool(true)),
      ]
    )
    #expect(try javaRoundTrip(exception) == exception)
  }

  @Test func isAThrowableSwiftError() {
    let error: any Error = JavaThrowable(className: "java.lang.IllegalStateException", message: "boom")
    #expect("\(error)" == "java.lang.IllegalStateException: boom")
    #expect((error as? JavaThrowable)?.cause == nil)
  }

  @Test func stackTraceElementDescriptionsFollowJava() {
    #expect(Self.frames[0].description == "com.foo.Service.call(Service.java:42)")
    #expect(Self.frames[1].description == "jdk.internal.Native.run(Native Method)")
    #expect(
      JavaStackTraceElement(declaringClass: "a.B", methodName: "m", fileName: "B.java").description == "a.B.m(B.java)")
    #expect(
      JavaStackTraceElement(declaringClass: "a.B", methodName: "m", lineNumber: 5).description
        == "a.B.m(Unknown Source)")
  }

  @Test func causeReferringToAnEnclosingExceptionIsACycleError() {
    #expect {
      try javaDecode(JavaThrowable.self) { encoder in
        let definition = HessianClassDefinition(className: "java.lang.Exception", fieldNames: Self.throwableFields)
        encoder.writeObjectHeader(definition)
        encoder.writeNull()
        encoder.writeNull()
        encoder.writeObjectHeader(definition)
        encoder.writeNull()
        encoder.writeNull()
        encoder.writeReference(0)
      }
    } throws: { isHessianError($0, .invalidReference) }
  }
}
