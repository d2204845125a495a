/// Any Hessian value, keeping the Java type names the stream carries.
///
/// Use it where the Java types are not known up front: generic (`$invoke`) calls, classes a
/// program has no Swift type for, and tools that inspect captured payloads.
public enum HessianValue: Sendable, Hashable {
  /// Java `null`.
  case null
  /// A `boolean`.
  case bool(Bool)
  /// An `int` (also how Java writes `byte` and `short`).
  case int(Int32)
  /// A `long`.
  case long(Int64)
  /// A `double` (also how Java writes `float`).
  case double(Double)
  /// A `String`.
  case string(String)
  /// A `byte[]`.
  case binary([UInt8])
  /// A `java.util.Date`, in milliseconds since 1970 UTC.
  case date(millisecondsSince1970: Int64)
  /// A list: a Java collection or array.
  case list(HessianList)
  /// A map.
  case map(HessianMap)
  /// An object of a Java class.
  case object(HessianObject)
  /// A back-reference to the value that took reference slot `index` in the stream.
  ///
  /// Decoding resolves references to values already read into copies of them; only a reference
  /// to a value that encloses it (a cycle) stays a `reference`.
  case reference(Int)
}

/// A Java collection or array.
public struct HessianList: Sendable, Hashable {
  /// The Java type (`"[int"`, `"java.util.HashSet"`…); `nil` for an untyped list (`ArrayList`).
  public var type: String?
  /// The elements in order.
  public var elements: [HessianValue]

  /// Creates a list.
  public init(type: String? = nil, elements: [HessianValue]) {
    self.type = type
    self.elements = elements
  }
}

/// A Java map, with its entries in stream order.
public struct HessianMap: Sendable, Hashable {
  /// One key-value pair.
  public struct Entry: Sendable, Hashable {
    /// The key.
    public var key: HessianValue
    /// The value.
    public var value: HessianValue

    /// Creates an entry.
    public init(key: HessianValue, value: HessianValue) {
      self.key = key
      self.value = value
    }
  }

  /// The Java map class (`"java.util.LinkedHashMap"`…); `nil` for an untyped map (`HashMap`).
  public var type: String?
  /// The entries in order.
  public var entries: [Entry]

  /// Creates a map.
  public init(type: String? = nil, entries: [Entry]) {
    self.type = type
    self.entries = entries
  }
}

/// An instance of a Java class, with its fields in stream order.
public struct HessianObject: Sendable, Hashable {
  /// One field.
  public struct Field: Sendable, Hashable {
    /// The Java field name.
    public var name: String
    /// The field's value.
    public var value: HessianValue

    /// Creates a field.
    public init(name: String, value: HessianValue) {
      self.name = name
      self.value = value
    }
  }

  /// The Java class name.
  public var className: String
  /// The fields in order.
  public var fields: [Field]

  /// Creates an object.
  public init(className: String, fields: [Field]) {
    self.className = className
    self.fields = fields
  }

  /// The value of the field named `name`, if present.
  public subscript(field name: String) -> HessianValue? {
    fields.first { $0.name == name }?.value
  }
}
