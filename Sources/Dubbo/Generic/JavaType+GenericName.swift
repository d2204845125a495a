import DubboHessian

extension JavaType {
  /// The type named as generic calls name parameter types: as Java's `ReflectUtils.getName`
  /// writes them (`int`, `java.lang.String`, `java.lang.String[]`) or as `Class.getName` does
  /// (`[I`, `[Ljava.lang.String;`).
  public init(genericName name: String) throws(JavaDescriptorError) {
    guard name.hasSuffix("[]") else {
      self = try JavaType(javaName: name)
      return
    }
    self = .array(try JavaType(genericName: String(name.dropLast(2))))
  }

  /// The name `ReflectUtils.getName` gives the type, which Java's generic consumers send:
  /// `int`, `java.lang.String`, `java.lang.String[]`.
  public var genericName: String {
    guard case .array(let element) = self else { return javaName }
    return element.genericName + "[]"
  }
}
