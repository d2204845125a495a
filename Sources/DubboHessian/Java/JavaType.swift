/// A Java type as it appears in a method signature: a primitive, `void`, a class or an array.
///
/// Dubbo identifies a method's parameter types by their JVM descriptors (``descriptor``, for
/// example `Ljava/lang/String;`), while Triple and generic calls name types the way
/// `Class.getName()` does (``javaName``, for example `[Ljava.lang.String;`). This is a plain value
/// type; the parsers are in ``init(descriptor:)``, ``init(javaName:)`` and
/// ``parameterTypes(descriptor:)``.
public indirect enum JavaType: Hashable, Sendable {
  /// `boolean` (`Z`).
  case boolean
  /// `byte` (`B`).
  case byte
  /// `char` (`C`).
  case char
  /// `short` (`S`).
  case short
  /// `int` (`I`).
  case int
  /// `long` (`J`).
  case long
  /// `float` (`F`).
  case float
  /// `double` (`D`).
  case double
  /// `void` (`V`), only meaningful as a return type.
  case void
  /// A class or interface, by its binary name with `.` separators; nested classes keep `$`
  /// (`java.lang.String`, `com.foo.Outer$Inner`).
  case object(String)
  /// An array of the element type (`int[][]` is `.array(.array(.int))`).
  case array(JavaType)

  /// The JVM field descriptor: `I`, `Ljava/lang/String;`, `[J`, `[[Lcom/foo/Outer$Inner;`.
  public var descriptor: String {
    switch self {
    case .boolean: "Z"
    case .byte: "B"
    case .char: "C"
    case .short: "S"
    case .int: "I"
    case .long: "J"
    case .float: "F"
    case .double: "D"
    case .void: "V"
    case .object(let name): "L" + String(name.map { $0 == "." ? "/" : $0 }) + ";"
    case .array(let element): "[" + element.descriptor
    }
  }

  /// The name `Class.getName()` gives the type: `int`, `java.lang.String`, `[I`,
  /// `[Ljava.lang.String;`.
  public var javaName: String {
    switch self {
    case .boolean: "boolean"
    case .byte: "byte"
    case .char: "char"
    case .short: "short"
    case .int: "int"
    case .long: "long"
    case .float: "float"
    case .double: "double"
    case .void: "void"
    case .object(let name): name
    case .array: String(descriptor.map { $0 == "/" ? "." : $0 })
    }
  }

  /// The descriptor of a parameter list, as Dubbo sends it: the parameters' descriptors
  /// concatenated without separators (`Ljava/lang/String;I[J`; empty for no parameters).
  public static func descriptor(of parameterTypes: some Sequence<JavaType>) -> String {
    parameterTypes.map(\.descriptor).joined()
  }

  /// The primitive types and `void`.
  static let primitives: [JavaType] = [.boolean, .byte, .char, .short, .int, .long, .float, .double, .void]
}
