/// Why a JVM type descriptor or `Class.getName()` name could not be parsed, and where.
public struct JavaDescriptorError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of problem.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private let name: String

    private init(_ name: String) { self.name = name }

    /// The input is empty where a type is required.
    public static let empty = Code("empty")
    /// A character that does not start a type (a descriptor letter other than `ZBCSIJFDVL[`).
    public static let unknownType = Code("unknown type")
    /// A class name whose terminating `;` is missing.
    public static let unterminatedClassName = Code("unterminated class name")
    /// A `[` with no component type after it.
    public static let missingArrayComponent = Code("missing array component")
    /// More than 255 array dimensions (the JVM's limit).
    public static let tooManyDimensions = Code("too many dimensions")
    /// An empty identifier in a class name (`L;`, `Ljava//Foo;`, a leading or trailing separator).
    public static let emptyIdentifier = Code("empty identifier")
    /// A character not allowed in a class name identifier (`[_$a-zA-Z][_$a-zA-Z0-9]*`).
    public static let invalidIdentifier = Code("invalid identifier")
    /// `void` used as a parameter or array component.
    public static let voidNotAllowed = Code("void not allowed")
    /// Characters after a complete type where only one type may appear.
    public static let trailingCharacters = Code("trailing characters")

    /// The code's name, for messages.
    public var description: String { name }
  }

  /// What kind of problem this is.
  public var code: Code
  /// A readable explanation.
  public var message: String
  /// The text that was parsed.
  public var input: String
  /// The UTF-8 offset in ``input`` where the problem was found (the character index for ASCII).
  public var position: Int

  /// Creates an error.
  public init(_ code: Code, _ message: String, input: String, position: Int) {
    self.code = code
    self.message = message
    self.input = input
    self.position = position
  }

  /// The input, the position and the explanation in one line.
  public var description: String { "invalid Java type '\(input)' at position \(position): \(message)" }
}
