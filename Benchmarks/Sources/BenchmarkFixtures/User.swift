import DubboHessian
import Foundation

/// `org.apache.dubbo.sample.User`, written by hand exactly as generated code would be.
///
/// The Java class:
///
/// ```java
/// public class User implements Serializable {
///   private String id;
///   private String name;
///   private int age;
///   private java.util.Date created;
/// }
/// ```
///
/// Caucho's reflective serializer writes the fields as primitive-like (primitives and `java.lang.*`)
/// followed by compound, reversed (WIRE.md 7.2): `id, name, age` + `created`, reversed, gives
/// `created, age, name, id`.
public struct User: HessianObjectCodable, Equatable {
  public static let hessianClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.User",
    fieldNames: ["created", "age", "name", "id"]
  )

  public var id: String = ""
  public var name: String = ""
  public var age: Int32 = 0
  /// `java.util.Date` is a reference type in Java, so it may be `null`.
  public var created: Date?

  public init(id: String, name: String, age: Int32, created: Date?) {
    self.id = id
    self.name = name
    self.age = age
    self.created = created
  }

  @inlinable
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.encode(created)
    encoder.encode(age)
    encoder.encode(name)
    encoder.encode(id)
  }

  public init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    if header.hasExpectedFields {
      created = try decoder.decode(Date?.self)
      age = try decoder.decode(Int32.self)
      name = try decoder.decode(String.self)
      id = try decoder.decode(String.self)
      return
    }
    for field in header.fieldIndexes {
      switch field {
      case 0: created = try decoder.decode(Date?.self)
      case 1: age = try decoder.decode(Int32.self)
      case 2: name = try decoder.decode(String.self)
      case 3: id = try decoder.decode(String.self)
      default: try decoder.skipValue()
      }
    }
  }
}
