extension JavaType {
  /// Parses one JVM field descriptor (`I`, `Ljava/lang/String;`, `[[J`), or `V` for `void`.
  /// - Throws: ``JavaDescriptorError`` with the position of the first problem: an empty input, an
  ///   unknown letter, an unterminated or malformed class name, `[` without a component, `[V`, or
  ///   characters after the type.
  public init(descriptor: String) throws(JavaDescriptorError) {
    var parser = JavaTypeParser(descriptor, separator: "/")
    self = try parser.readType(allowingVoid: true)
    try parser.requireEnd()
  }

  /// Parses a `Class.getName()` name: a primitive or `void` (`int`), a binary class name
  /// (`java.lang.String`, `com.foo.Outer$Inner`) or an array (`[I`, `[Ljava.lang.String;`).
  /// - Throws: ``JavaDescriptorError`` with the position of the first problem.
  public init(javaName: String) throws(JavaDescriptorError) {
    if let primitive = Self.primitives.first(where: { $0.javaName == javaName }) {
      self = primitive
      return
    }
    var parser = JavaTypeParser(javaName, separator: ".")
    if javaName.utf8.first == UInt8(ascii: "[") {
      self = try parser.readType(allowingVoid: false)
      try parser.requireEnd()
    } else {
      guard !javaName.isEmpty else { throw parser.error(.empty, "a type is missing", at: 0) }
      self = .object(try parser.readClassName(startingAt: 0, terminator: nil))
    }
  }

  /// Parses the parameter-list descriptor of a Dubbo request: the parameters' descriptors
  /// concatenated (`Ljava/lang/String;I[J` is `String, int, long[]`; empty for no parameters).
  /// - Throws: ``JavaDescriptorError`` with the position of the first problem, including `void`
  ///   as a parameter.
  public static func parameterTypes(descriptor: String) throws(JavaDescriptorError) -> [JavaType] {
    var parser = JavaTypeParser(descriptor, separator: "/")
    var types: [JavaType] = []
    while !parser.isAtEnd { types.append(try parser.readType(allowingVoid: false)) }
    return types
  }
}
