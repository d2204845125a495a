extension Dictionary where Key == String {
  /// The entries in the order a `java.util.HashMap` with these keys iterates them, so the bytes
  /// written equal Java's.
  public var inJavaHashMapOrder: [(key: String, value: Value)] {
    let entries = Array(self)
    return JavaHashMapOrder.indices(of: entries.lazy.map(\.key)).map { entries[$0] }
  }
}
