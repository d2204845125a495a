/// A cursor over a JVM descriptor or a `Class.getName()` name, with Dubbo's grammar
/// (`ReflectUtils.DESC_REGEX`): identifiers `[_$a-zA-Z][_$a-zA-Z0-9]*`, class names as identifiers
/// joined by a separator (`/` in descriptors, `.` in Java names), arrays as `[` and a component.
struct JavaTypeParser {
  private let input: String
  private let bytes: [UInt8]
  /// The package separator of class names: `/` in descriptors, `.` in `Class.getName()` form.
  private let separator: UInt8
  private var index = 0

  /// The JVM's limit on array dimensions.
  private static let maximumDimensions = 255

  init(_ input: String, separator: Unicode.Scalar) {
    self.input = input
    self.bytes = Array(input.utf8)
    self.separator = UInt8(ascii: separator)
  }

  var isAtEnd: Bool { index == bytes.count }

  /// Throws unless the whole input has been read.
  func requireEnd() throws(JavaDescriptorError) {
    guard isAtEnd else { throw error(.trailingCharacters, "characters after the type", at: index) }
  }

  func error(_ code: JavaDescriptorError.Code, _ message: String, at position: Int) -> JavaDescriptorError {
    JavaDescriptorError(code, message, input: input, position: position)
  }

  /// Reads one type in descriptor syntax (class names separated by ``separator``).
  mutating func readType(allowingVoid: Bool) throws(JavaDescriptorError) -> JavaType {
    let start = index
    var dimensions = 0
    while index < bytes.count, bytes[index] == UInt8(ascii: "[") {
      dimensions += 1
      index += 1
      guard dimensions <= Self.maximumDimensions else {
        throw error(.tooManyDimensions, "more than \(Self.maximumDimensions) array dimensions", at: start)
      }
    }
    guard index < bytes.count else {
      if dimensions > 0 { throw error(.missingArrayComponent, "'[' without a component type", at: index - 1) }
      throw error(.empty, "a type is missing", at: index)
    }
    let letter = bytes[index]
    var type: JavaType
    if letter == UInt8(ascii: "L") {
      index += 1
      type = .object(try readClassName(startingAt: index - 1, terminator: UInt8(ascii: ";")))
    } else if let primitive = JavaType.primitives.first(where: { $0.descriptor.utf8.first == letter }) {
      guard primitive != .void || (allowingVoid && dimensions == 0) else {
        throw error(
          .voidNotAllowed, "void cannot be \(dimensions > 0 ? "an array component" : "a parameter")", at: index)
      }
      index += 1
      type = primitive
    } else {
      throw error(.unknownType, "\(Self.describe(letter)) does not start a type", at: index)
    }
    for _ in 0..<dimensions { type = .array(type) }
    return type
  }

  /// Reads a class name: identifiers separated by ``separator``, up to `terminator` (consumed) or,
  /// when `terminator` is `nil`, to the end of the input. Returns the name with `.` separators.
  /// - Parameter start: Where the class name's syntax begins, for the unterminated error.
  mutating func readClassName(startingAt start: Int, terminator: UInt8?) throws(JavaDescriptorError) -> String {
    var name = ""
    while true {
      let identifierStart = index
      while index < bytes.count, Self.isIdentifierPart(bytes[index]) { index += 1 }
      if index == identifierStart {
        guard index < bytes.count else {
          guard terminator == nil else {
            throw error(.unterminatedClassName, "class name has no terminating ';'", at: start)
          }
          throw error(.emptyIdentifier, "empty identifier in a class name", at: index)
        }
        guard bytes[index] != separator, bytes[index] != terminator else {
          throw error(.emptyIdentifier, "empty identifier in a class name", at: index)
        }
        throw error(.invalidIdentifier, "\(Self.describe(bytes[index])) is not allowed in a class name", at: index)
      }
      guard Self.isIdentifierStart(bytes[identifierStart]) else {
        throw error(.invalidIdentifier, "an identifier cannot start with a digit", at: identifierStart)
      }
      name += String(decoding: bytes[identifierStart..<index], as: UTF8.self)
      guard index < bytes.count else {
        if terminator == nil { return name }
        throw error(.unterminatedClassName, "class name has no terminating ';'", at: start)
      }
      let next = bytes[index]
      index += 1
      if next == terminator { return name }
      guard next == separator else {
        throw error(.invalidIdentifier, "\(Self.describe(next)) is not allowed in a class name", at: index - 1)
      }
      name += "."
    }
  }

  private static func isIdentifierStart(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"),
      UInt8(ascii: "$"):
      true
    default: false
    }
  }

  private static func isIdentifierPart(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// A byte for a message: the character in quotes when ASCII.
  private static func describe(_ byte: UInt8) -> String {
    byte < 0x80 ? "'\(Unicode.Scalar(byte))'" : "a non-ASCII character"
  }
}
