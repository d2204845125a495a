/// A Java type as a `.proto` annotation writes it: `int`, `Integer`, `java.util.Date`, `long[]`,
/// `java.util.Set<java.lang.Long>`, `java.util.Map<String, Integer>`.
struct JavaTypeExpression: Hashable, CustomStringConvertible {
  /// The class or primitive name; `java.lang.` is added to the short names of its classes.
  var name: String
  /// The generic arguments.
  var arguments: [JavaTypeExpression]
  /// How many `[]` follow: `int[]` is `int` with one dimension.
  var arrayDimensions: Int

  init(name: String, arguments: [JavaTypeExpression] = [], arrayDimensions: Int = 0) {
    self.name = Self.javaLangNames.contains(name) ? "java.lang.\(name)" : name
    self.arguments = arguments
    self.arrayDimensions = arrayDimensions
  }

  /// Parses an annotation; `nil` when it is not a Java type expression.
  init?(parsing text: String) {
    var parser = Parser(text: Array(text.unicodeScalars))
    guard let type = parser.type(), parser.isAtEnd else { return nil }
    self = type
  }

  /// The type without its last array dimension.
  var arrayElement: JavaTypeExpression {
    JavaTypeExpression(name: name, arguments: arguments, arrayDimensions: arrayDimensions - 1)
  }

  var isPrimitive: Bool { arrayDimensions == 0 && Self.primitiveNames.contains(name) }

  var description: String {
    var text = name
    if !arguments.isEmpty { text += "<" + arguments.map(\.description).joined(separator: ", ") + ">" }
    return text + String(repeating: "[]", count: arrayDimensions)
  }

  static let primitiveNames: Set<String> = ["boolean", "byte", "char", "short", "int", "long", "float", "double"]

  private static let javaLangNames: Set<String> = [
    "Boolean", "Byte", "Character", "Short", "Integer", "Long", "Float", "Double", "String", "Object",
  ]

  private struct Parser {
    var text: [Unicode.Scalar]
    var position = 0

    var isAtEnd: Bool {
      mutating get {
        skipSpaces()
        return position == text.count
      }
    }

    mutating func type() -> JavaTypeExpression? {
      skipSpaces()
      let start = position
      while position < text.count,
        text[position].properties.isAlphabetic || "0123456789._$".unicodeScalars.contains(text[position])
      {
        position += 1
      }
      guard position > start else { return nil }
      let name = String(String.UnicodeScalarView(text[start..<position]))
      var arguments: [JavaTypeExpression] = []
      if consume("<") {
        repeat {
          guard let argument = type() else { return nil }
          arguments.append(argument)
        } while consume(",")
        guard consume(">") else { return nil }
      }
      var dimensions = 0
      while consume("[") {
        guard consume("]") else { return nil }
        dimensions += 1
      }
      return JavaTypeExpression(name: name, arguments: arguments, arrayDimensions: dimensions)
    }

    mutating func consume(_ character: Unicode.Scalar) -> Bool {
      skipSpaces()
      guard position < text.count, text[position] == character else { return false }
      position += 1
      return true
    }

    mutating func skipSpaces() {
      while position < text.count, text[position] == " " { position += 1 }
    }
  }
}
