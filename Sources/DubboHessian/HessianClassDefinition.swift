import NIOConcurrencyHelpers

/// The shape of a Java class on the Hessian wire: its name and its field names in order.
///
/// Generated code keeps one definition per type in a `static let`, so encoders recognise it by
/// identity and decoders cache how its fields map onto the wire's field order. The definition's
/// `C` record is encoded once, at creation, and copied into each stream that first uses it.
public final class HessianClassDefinition: Sendable, Hashable, CustomStringConvertible {
  /// The Java class name, for example `org.apache.dubbo.sample.User`.
  public let className: String
  /// The field names in the order their values are written.
  public let fieldNames: [String]
  /// The `C` record: tag, class name, field count and field names.
  let encodedRecord: [UInt8]

  /// Creates a definition.
  /// - Parameters:
  ///   - className: The Java class name.
  ///   - fieldNames: The field names, in the order the values follow an instance header.
  public init(className: String, fieldNames: [String]) {
    self.className = className
    self.fieldNames = fieldNames
    var encoder = HessianEncoder()
    encoder.append(HessianTag.classDefinition)
    encoder.writeString(className)
    encoder.writeInt(Int32(fieldNames.count))
    for name in fieldNames { encoder.writeString(name) }
    self.encodedRecord = encoder.bytes
  }

  /// The definition of a Java enum class, whose constants are written as objects with the single
  /// field `name`. The class is remembered as an enum (``isJavaEnum(_:)``).
  public convenience init(javaEnum className: String) {
    self.init(className: className, fieldNames: ["name"])
    Self.javaEnums.withLockedValue { _ = $0.insert(className) }
  }

  /// Whether a definition made with ``init(javaEnum:)`` names the class. On the wire a Java enum
  /// constant and an object with one `name` field look alike; only the code declaring the class
  /// knows which it is (a generic call turns the one into its name, the other into a map).
  public static func isJavaEnum(_ className: String) -> Bool {
    javaEnums.withLockedValue { $0.contains(className) }
  }

  private static let javaEnums = NIOLockedValueBox<Set<String>>([])

  /// Whether this definition has the given field names, in that order.
  func hasFields(_ names: [String]) -> Bool { fieldNames == names }

  /// Whether both define the same class name with the same fields in the same order.
  public static func == (lhs: HessianClassDefinition, rhs: HessianClassDefinition) -> Bool {
    lhs === rhs || (lhs.className == rhs.className && lhs.fieldNames == rhs.fieldNames)
  }

  /// Hashes the class name and field names.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(className)
    hasher.combine(fieldNames)
  }

  /// The class name and its fields, as `com.foo.User{age, name}`.
  public var description: String { "\(className){\(fieldNames.joined(separator: ", "))}" }
}
