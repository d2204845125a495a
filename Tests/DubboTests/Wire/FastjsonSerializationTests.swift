import Dubbo
import DubboHessian
import NIOCore
import Testing

@Suite struct FastjsonSerializationTests {
  static func body(_ write: (inout any DubboObjectOutput) throws -> Void) rethrows -> String {
    var output = FastjsonSerialization().makeOutput()
    try write(&output)
    var buffer = ByteBuffer()
    output.write(to: &buffer)
    return String(decoding: buffer.readableBytesView, as: UTF8.self)
  }

  static func input(_ text: String, limits: HessianDecodingLimits = .default) -> any DubboObjectInput {
    FastjsonSerialization().makeInput(body: ByteBuffer(string: text), limits: limits)
  }

  @Test func identifiesAsJavasFastjson() {
    #expect(FastjsonSerialization().id.rawValue == 6)
    #expect(FastjsonSerialization().name == "fastjson")
    #expect(FastjsonSerialization().nullBody == Array("null\n".utf8))
  }

  /// WIRE.md §6.1: one JSON text per item, each followed by a line break.
  @Test func writesTheRequestLayout() throws {
    let text = try Self.body { output in
      for item in ["2.0.2", "com.foo.Svc", "0.0.0", "sayHello", "Ljava/lang/String;"] { try output.writeString(item) }
      try output.writeValue("world")
      try output.writeAttachments(["path": "com.foo.Svc", "interface": "com.foo.Svc", "version": "0.0.0"])
    }
    #expect(
      text == """
        "2.0.2"
        "com.foo.Svc"
        "0.0.0"
        "sayHello"
        "Ljava/lang/String;"
        "world"
        {"interface":"com.foo.Svc","path":"com.foo.Svc","version":"0.0.0"}

        """
    )
  }

  @Test func readsTheRequestLayout() throws {
    var input = Self.input(
      "\"2.0.2\"\n\"com.foo.Svc\"\n\"0.0.0\"\n\"sayHello\"\n\"Ljava/lang/String;\"\n\"world\"\n"
        + "{\"path\":\"com.foo.Svc\",\"_TO\":3000,\"generic\":true}\n"
    )
    for item in ["2.0.2", "com.foo.Svc", "0.0.0", "sayHello", "Ljava/lang/String;"] {
      #expect(try input.readString() == item)
    }
    #expect(try input.readValue(String.self) == "world")
    let attachments = try input.readAttachments()
    #expect(attachments[string: "path"] == "com.foo.Svc")
    #expect(attachments["_TO"] == .int(3000))
    #expect(attachments["generic"] == .bool(true))
    #expect(attachments.count == 3)
  }

  @Test func attachmentNumbersKeepTheirKindAndPrecision() throws {
    var input = Self.input(
      "{\"int\":-3,\"long\":9007199254740993,\"min\":-9223372036854775808,\"double\":1.5,\"off\":false}\n"
    )
    let attachments = try input.readAttachments()
    #expect(attachments["int"] == .int(-3))
    #expect(attachments["long"] == .long(9_007_199_254_740_993))
    #expect(attachments["min"] == .long(.min))
    #expect(attachments["double"] == .double(1.5))
    #expect(attachments["off"] == .bool(false))
  }

  @Test func writesAndReadsTheResponseLayout() throws {
    let text = try Self.body { output in
      try output.writeInt(4)
      try output.writeValue("Hello")
      try output.writeAttachments(["dubbo": "2.0.2"])
    }
    #expect(text == "4\n\"Hello\"\n{\"dubbo\":\"2.0.2\"}\n")
    var input = Self.input(text)
    #expect(try input.readInt() == 4)
    #expect(try input.readValue(String.self) == "Hello")
    #expect(try input.readAttachments() == ["dubbo": "2.0.2"])
  }

  @Test func escapesQuotesBackslashesAndControlCharacters() throws {
    let tricky = "a\"b\\c\nd\re\tf\u{01}g/h"
    let text = try Self.body { try $0.writeString(tricky) }
    #expect(text == #""a\"b\\c\nd\re\tf\u0001g/h""# + "\n")
    var input = Self.input(text)
    #expect(try input.readString() == tricky)
  }

  @Test(arguments: ["line\nbreak", "quote\"", "back\\slash", "tab\tand\u{1F}unit", "héllo 世界 😀", ""])
  func valuesStayOnOneLineAndRoundTrip(_ value: String) throws {
    let asString = try Self.body { try $0.writeString(value) }
    let asValue = try Self.body { try $0.writeValue(value) }
    for text in [asString, asValue] {
      #expect(text.utf8.filter { $0 == UInt8(ascii: "\n") }.count == 1)
      #expect(text.utf8.last == UInt8(ascii: "\n"))
      var input = Self.input(text)
      #expect(try input.readString() == value)
    }
  }

  @Test func nonASCIIIsWrittenAsUTF8() throws {
    #expect(try Self.body { try $0.writeString("é") } == "\"é\"\n")
  }

  @Test func acceptsCRLFLineBreaks() throws {
    var input = Self.input("\"2.0.2\"\r\n4\r\n{\"dubbo\":\"2.0.2\"}\r\n")
    #expect(try input.readString() == "2.0.2")
    #expect(try input.readInt() == 4)
    #expect(try input.readAttachments() == ["dubbo": "2.0.2"])
  }

  @Test func acceptsALastLineWithoutBreak() throws {
    var input = Self.input("\"x\"")
    #expect(try input.readString() == "x")
  }

  @Test(arguments: ["\n\"b\"\n", "  \n", "\t\r\n", ""])
  func blankLineOrEndIsAnEOFError(_ text: String) {
    var input = Self.input(text)
    #expect(throws: DubboSerializationError.self) { try input.readString() }
  }

  @Test func blankLineInTheMiddleStopsTheBody() throws {
    var input = Self.input("\"a\"\n\n\"b\"\n")
    #expect(try input.readString() == "a")
    #expect(throws: DubboSerializationError.self) { try input.readString() }
  }

  @Test func nullStringAndNullValue() throws {
    #expect(try Self.body { try $0.writeString(nil) } == "null\n")
    #expect(try Self.body { try $0.writeValue(String?.none) } == "null\n")
    var input = Self.input("null\nnull\n")
    #expect(try input.readString() == nil)
    #expect(try input.readValue(String?.self) == nil)
  }

  @Test func wrongItemKindsAreErrors() {
    var notAnInt = Self.input("\"x\"\n")
    #expect(throws: DubboSerializationError.self) { try notAnInt.readInt() }
    var notAString = Self.input("42\n")
    #expect(throws: DubboSerializationError.self) { try notAString.readString() }
    var notJSON = Self.input("{\"a\":\n")
    #expect(throws: DubboSerializationError.self) { try notJSON.readString() }
    var notAnObject = Self.input("[1]\n")
    #expect(throws: DubboSerializationError.self) { try notAnObject.readAttachments() }
  }

  @Test func codableUserRoundTrips() throws {
    let user = User(id: "u1", name: "Alice", age: 30)
    let text = try Self.body { try $0.writeValue(user) }
    #expect(text == "{\"age\":30,\"id\":\"u1\",\"name\":\"Alice\"}\n")
    var input = Self.input(text)
    #expect(try input.readValue(User.self) == user)
  }

  @Test func userFromJavaIgnoresUnknownFieldsAndMissingNulls() throws {
    var input = Self.input("{\"id\":\"u2\",\"age\":7,\"email\":\"x@y\"}\n")
    #expect(try input.readValue(User.self) == User(id: "u2", name: nil, age: 7))
  }

  @Test func exceptionKeepsClassAndMessage() throws {
    let throwable = JavaThrowable(className: "java.lang.IllegalStateException", message: "boom")
    var input = Self.input(try Self.body { try $0.writeThrowable(throwable) })
    let read = try input.readThrowable()
    #expect(read.className == "java.lang.IllegalStateException")
    #expect(read.message == "boom")
  }

  @Test func deeplyNestedJSONIsRejectedNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    var value = Self.input(deep + "\n")
    #expect(throws: DubboSerializationError.self) { try value.readValue([String].self) }
    var attachments = Self.input("{\"a\":" + deep + "}\n")
    #expect(throws: DubboSerializationError.self) { try attachments.readAttachments() }
  }

  @Test func depthLimitFollowsTheDecodingLimits() throws {
    let nested = "{\"a\":[[\"x\"]]}\n"
    var shallow = Self.input(nested, limits: HessianDecodingLimits(maxDepth: 2))
    #expect(throws: DubboSerializationError.self) { try shallow.readAttachments() }
    var deepEnough = Self.input(nested, limits: HessianDecodingLimits(maxDepth: 3))
    #expect(try deepEnough.readAttachments()["a"] != nil)
  }

  @Test func arraysTravelAsJSONArrays() throws {
    let text = try Self.body { try $0.writeValue(["a", "b"]) }
    #expect(text == "[\"a\",\"b\"]\n")
    var input = Self.input("[\"a\", \"b\"]\n")
    #expect(try input.readValue([String].self) == ["a", "b"])
    var users = Self.input("[{\"age\":1,\"id\":\"u\",\"name\":\"n\"},null]\n")
    #expect(try users.readValue([User?].self) == [User(id: "u", name: "n", age: 1), nil])
  }

  @Test func bracketsInsideStringsDoNotCountAsNesting() throws {
    let brackets = String(repeating: "[{", count: 1000)
    var input = Self.input("\"\(brackets)\"\n", limits: HessianDecodingLimits(maxDepth: 4))
    #expect(try input.readString() == brackets)
  }

  @Test func missingAttachmentsReadAsEmpty() throws {
    var input = Self.input("")
    #expect(try input.readAttachments().isEmpty)
  }
}
