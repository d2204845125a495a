import DubboHessian
import Foundation

/// `com.foo.User { String name; int age; }` from WIRE.md §11, coded the way generated code is.
struct Person: HessianObjectCodable, Equatable {
  static let hessianClass = HessianClassDefinition(className: "com.foo.User", fieldNames: ["age", "name"])

  var name = ""
  var age: Int32 = 0

  init(name: String, age: Int32) {
    self.name = name
    self.age = age
  }

  func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.encode(age)
    encoder.encode(name)
  }

  init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    for field in header.fieldIndexes {
      switch field {
      case 0: age = try decoder.decode(Int32.self)
      case 1: name = try decoder.decode(String.self)
      default: try decoder.skipValue()
      }
    }
  }
}

/// `com.foo.Node { String name; Node next; }`, which Java can make cyclic.
struct Node: HessianObjectCodable, Equatable {
  static let hessianClass = HessianClassDefinition(className: "com.foo.Node", fieldNames: ["name", "next"])

  var name = ""
  var next: [Node] = []

  func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.encode(name)
    if let first = next.first { encoder.encode(first) } else { encoder.writeNull() }
  }

  init(name: String) { self.name = name }

  init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    for field in header.fieldIndexes {
      switch field {
      case 0: name = try decoder.decode(String.self)
      case 1: next = try decoder.decode(Node?.self).map { [$0] } ?? []
      default: try decoder.skipValue()
      }
    }
  }
}

enum Color: String, HessianJavaEnum {
  static let hessianClass = HessianClassDefinition(javaEnum: "com.foo.Color")
  case red = "RED"
  case green = "GREEN"
}
