import DubboHessian
import Testing

@Suite struct JavaTypeDescriptorTests {
  @Test(arguments: [
    ("", [JavaType]()),
    ("Ljava/lang/String;I[J", [.object("java.lang.String"), .int, .array(.long)]),
    ("ZBCSIJFD", [.boolean, .byte, .char, .short, .int, .long, .float, .double]),
    ("[[Lcom/x/Outer$Inner;", [.array(.array(.object("com.x.Outer$Inner")))]),
    (
      "Ljava/lang/String;[Ljava/lang/String;[Ljava/lang/Object;",
      [.object("java.lang.String"), .array(.object("java.lang.String")), .array(.object("java.lang.Object"))]
    ),
    ("L_$/a1/$B2;[[[Z", [.object("_$.a1.$B2"), .array(.array(.array(.boolean)))]),
    ("Ljava/util/List;Ljava/util/Map;", [.object("java.util.List"), .object("java.util.Map")]),
  ])
  func parameterDescriptorsParseAndFormat(descriptor: String, types: [JavaType]) throws {
    #expect(try JavaType.parameterTypes(descriptor: descriptor) == types)
    #expect(JavaType.descriptor(of: types) == descriptor)
  }

  @Test(arguments: [
    (JavaType.int, "I", "int"), (.void, "V", "void"), (.boolean, "Z", "boolean"),
    (.object("java.lang.String"), "Ljava/lang/String;", "java.lang.String"),
    (.object("java.util.Map$Entry"), "Ljava/util/Map$Entry;", "java.util.Map$Entry"),
    (.array(.int), "[I", "[I"), (.array(.array(.long)), "[[J", "[[J"),
    (.array(.object("java.lang.String")), "[Ljava/lang/String;", "[Ljava.lang.String;"),
    (.array(.array(.object("a.B$C"))), "[[La/B$C;", "[[La.B$C;"),
  ])
  func singleTypesBothWays(type: JavaType, descriptor: String, javaName: String) throws {
    #expect(type.descriptor == descriptor)
    #expect(type.javaName == javaName)
    #expect(try JavaType(descriptor: descriptor) == type)
    #expect(try JavaType(javaName: javaName) == type)
  }

  @Test(arguments: [
    ("Ljava/lang/String", JavaDescriptorError.Code.unterminatedClassName, 0),
    ("IILjava/", .unterminatedClassName, 2),
    ("L", .unterminatedClassName, 0),
    ("IQ", .unknownType, 1),
    ("I;", .unknownType, 1),
    ("I[", .missingArrayComponent, 1),
    ("L;", .emptyIdentifier, 1),
    ("Ljava//String;", .emptyIdentifier, 6),
    ("Ljava/lang/;", .emptyIdentifier, 11),
    ("L/java;", .emptyIdentifier, 1),
    ("L1abc;", .invalidIdentifier, 1),
    ("Ljava/1x;", .invalidIdentifier, 6),
    ("Ljava.lang.String;", .invalidIdentifier, 5),
    ("Lfoo-bar;", .invalidIdentifier, 4),
    ("Lcaf\u{E9};", .invalidIdentifier, 4),
    ("V", .voidNotAllowed, 0),
    ("I[V", .voidNotAllowed, 2),
    (String(repeating: "[", count: 256) + "I", .tooManyDimensions, 0),
  ])
  func malformedParameterDescriptorsReportCodeAndPosition(
    descriptor: String,
    code: JavaDescriptorError.Code,
    position: Int
  ) {
    #expect {
      try JavaType.parameterTypes(descriptor: descriptor)
    } throws: { error in
      let error = error as? JavaDescriptorError
      return error?.code == code && error?.position == position && error?.input == descriptor
    }
  }

  @Test func singleDescriptorErrors() throws {
    let cases: [(String, JavaDescriptorError.Code, Int)] = [
      ("", .empty, 0), ("II", .trailingCharacters, 1), ("[V", .voidNotAllowed, 1), ("[", .missingArrayComponent, 0),
    ]
    for (descriptor, code, position) in cases {
      #expect(throws: JavaDescriptorError.self) { try JavaType(descriptor: descriptor) }
      do {
        _ = try JavaType(descriptor: descriptor)
      } catch {
        #expect(error.code == code && error.position == position, "\(descriptor): \(error)")
      }
    }
    let deepest = String(repeating: "[", count: 255) + "I"
    #expect(try JavaType(descriptor: deepest).descriptor == deepest)
  }

  @Test func javaNameErrors() {
    let cases: [(String, JavaDescriptorError.Code, Int)] = [
      ("", .empty, 0), ("int[]", .invalidIdentifier, 3), ("[Ljava/lang/String;", .invalidIdentifier, 6),
      ("java..Foo", .emptyIdentifier, 5), ("java.lang.", .emptyIdentifier, 10), ("[V", .voidNotAllowed, 1),
      ("[int", .unknownType, 1), ("[Ljava.lang.String", .unterminatedClassName, 1), ("[II", .trailingCharacters, 2),
      ("java.lang.String;", .invalidIdentifier, 16), ("9lives", .invalidIdentifier, 0),
    ]
    for (name, code, position) in cases {
      do {
        let type = try JavaType(javaName: name)
        Issue.record("\(name) parsed as \(type)")
      } catch {
        #expect(error.code == code && error.position == position, "\(name): \(error)")
      }
    }
  }

  @Test func errorDescriptionNamesInputAndPosition() {
    do {
      _ = try JavaType.parameterTypes(descriptor: "IQ")
      Issue.record("parsed")
    } catch {
      #expect(error.description == "invalid Java type 'IQ' at position 1: 'Q' does not start a type")
    }
  }
}
