import Testing

@testable import DubboCLI

@Suite struct JSONWriterTests {
  @Test func printsSmallContainersInlineAndOthersIndented() {
    let value = JSONValue.object([
      JSONMember("empty", .array([])),
      JSONMember("emptyObject", .object([])),
      JSONMember("scalars", .array([.integer(1), .string("two"), .null, .bool(true)])),
      JSONMember("tagged", .object([JSONMember("$long", .integer(5))])),
      JSONMember("mixed", .array([.object([JSONMember("$long", .integer(5))]), .integer(6)])),
      JSONMember("nested", .array([.array([.integer(1)])])),
    ])
    #expect(
      JSONWriter().render(value) == """
        {
          "empty": [],
          "emptyObject": {},
          "scalars": [1, "two", null, true],
          "tagged": {"$long": 5},
          "mixed": [{"$long": 5}, 6],
          "nested": [
            [1]
          ]
        }
        """
    )
  }

  @Test func breaksArraysThatDoNotFitTheLine() {
    let value = JSONValue.array((0..<40).map { .integer($0) })
    let text = JSONWriter().render(value)
    #expect(text.hasPrefix("[\n  0,\n  1,\n"))
    #expect(text.hasSuffix("  39\n]"))
    #expect(JSONWriter(lineWidth: 1000).render(value).split(separator: "\n").count == 1)
  }

  @Test func writtenTextParsesBackToTheSameValue() throws {
    let value = JSONValue.object([
      JSONMember("k\"ey\n", .string("\u{0}\u{1}\u{1F}\u{7F}\u{9F}\u{A0}\u{2028}😀\\")),
      JSONMember("n", JSONValue(.number("-1.5e-7"))),
      JSONMember("a", .array([.array([]), .object([JSONMember("x", .null)])])),
    ])
    #expect(try JSONParser.parse(JSONWriter().render(value)) == value)
  }
}
