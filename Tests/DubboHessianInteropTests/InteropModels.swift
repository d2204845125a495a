import DubboHessian
import Foundation

// Swift mirrors of the harness's sample classes (`Tests/InteropHarness/java/org/apache/dubbo/sample`),
// written the way generated code writes a Java class: a `HessianObjectCodable` struct whose
// `hessianClass` has the hessian-lite field order (what Dubbo Java sends).
//
// For byte-for-byte comparisons with Caucho, which writes the fields in the opposite ("Caucho")
// order, each type also knows its Caucho definition; `FieldOrder.current` picks the one `encode`
// writes. Decoding matches fields by name and so reads either order.

/// Which field order the test POJOs write.
enum FieldOrder: Sendable, Hashable, CustomStringConvertible {
  /// Dubbo's hessian-lite order: the reverse of Caucho's. The default.
  case hessianLite
  /// Caucho 4.0.38's order (primitive-like fields, then compound, not reversed).
  case caucho

  @TaskLocal static var current: FieldOrder = .hessianLite

  var description: String { self == .caucho ? "Caucho order" : "hessian-lite order" }
}

/// A test POJO: a Java class with the same fields in both orders, coded field by field by name.
protocol InteropPOJO: HessianObjectCodable, Equatable {
  /// The definition in Caucho's field order.
  static var cauchoClass: HessianClassDefinition { get }
  /// An instance with Java's default field values (what a missing field keeps).
  init()
  /// Writes the value of the field `name`.
  func encodeField(_ name: String, to encoder: inout HessianEncoder)
  /// Reads the value of the field `name`.
  mutating func decodeField(_ name: String, from decoder: inout HessianDecoder) throws
}

extension InteropPOJO {
  func encode(to encoder: inout HessianEncoder) {
    let definition = FieldOrder.current == .caucho ? Self.cauchoClass : Self.hessianClass
    encoder.writeObjectHeader(definition)
    for name in definition.fieldNames { encodeField(name, to: &encoder) }
  }

  init(from decoder: inout HessianDecoder) throws {
    self.init()
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    for index in header.fieldIndexes {
      if index < 0 {
        try decoder.skipValue()
      } else {
        try decodeField(Self.hessianClass.fieldNames[index], from: &decoder)
      }
    }
  }
}

/// `org.apache.dubbo.sample.User { String id; String name; int age; java.util.Date created }`.
struct User: InteropPOJO {
  static let hessianClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.User", fieldNames: ["created", "age", "name", "id"])
  static let cauchoClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.User", fieldNames: ["id", "name", "age", "created"])

  var id = ""
  var name = ""
  var age: Int32 = 0
  var created: Date?

  init() {}

  init(id: String, name: String, age: Int32, created: Date) {
    self.id = id
    self.name = name
    self.age = age
    self.created = created
  }

  func encodeField(_ field: String, to encoder: inout HessianEncoder) {
    switch field {
    case "id": encoder.encode(id)
    case "name": encoder.encode(name)
    case "age": encoder.encode(age)
    default: encoder.encode(created)
    }
  }

  mutating func decodeField(_ field: String, from decoder: inout HessianDecoder) throws {
    switch field {
    case "id": id = try decoder.decode(String.self)
    case "name": name = try decoder.decode(String.self)
    case "age": age = try decoder.decode(Int32.self)
    default: created = try decoder.decode(Date?.self)
    }
  }
}

/// `org.apache.dubbo.sample.Item { String sku; int quantity; double price }`.
struct Item: InteropPOJO {
  static let hessianClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.Item", fieldNames: ["price", "quantity", "sku"])
  static let cauchoClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.Item", fieldNames: ["sku", "quantity", "price"])

  var sku = ""
  var quantity: Int32 = 0
  var price = 0.0

  init() {}

  init(sku: String, quantity: Int32, price: Double) {
    self.sku = sku
    self.quantity = quantity
    self.price = price
  }

  func encodeField(_ field: String, to encoder: inout HessianEncoder) {
    switch field {
    case "sku": encoder.encode(sku)
    case "quantity": encoder.encode(quantity)
    default: encoder.encode(price)
    }
  }

  mutating func decodeField(_ field: String, from decoder: inout HessianDecoder) throws {
    switch field {
    case "sku": sku = try decoder.decode(String.self)
    case "quantity": quantity = try decoder.decode(Int32.self)
    default: price = try decoder.decode(Double.self)
    }
  }
}

/// `org.apache.dubbo.sample.Color { RED, GREEN, BLUE }`.
enum Color: String, HessianJavaEnum {
  static let hessianClass = HessianClassDefinition(javaEnum: "org.apache.dubbo.sample.Color")

  case red = "RED"
  case green = "GREEN"
  case blue = "BLUE"
}

/// `org.apache.dubbo.sample.Order { long orderId; User buyer; List<Item> items;
/// Map<String,String> tags; Color color; java.math.BigDecimal total }`.
struct Order: InteropPOJO {
  static let hessianClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.Order",
    fieldNames: ["total", "color", "tags", "items", "buyer", "orderId"])
  static let cauchoClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.Order",
    fieldNames: ["orderId", "buyer", "items", "tags", "color", "total"])

  var orderId: Int64 = 0
  var buyer: User?
  var items: [Item] = []
  var tags: [String: String] = [:]
  var color: Color?
  var total: JavaBigDecimal?

  init() {}

  init(orderId: Int64, buyer: User, items: [Item], tags: [String: String], color: Color, total: JavaBigDecimal) {
    self.orderId = orderId
    self.buyer = buyer
    self.items = items
    self.tags = tags
    self.color = color
    self.total = total
  }

  func encodeField(_ field: String, to encoder: inout HessianEncoder) {
    switch field {
    case "orderId": encoder.encode(orderId)
    case "buyer": encoder.encode(buyer)
    case "items": encoder.encode(items)
    case "tags": encoder.encode(tags)
    case "color": encoder.encode(color)
    default: encoder.encode(total)
    }
  }

  mutating func decodeField(_ field: String, from decoder: inout HessianDecoder) throws {
    switch field {
    case "orderId": orderId = try decoder.decode(Int64.self)
    case "buyer": buyer = try decoder.decode(User?.self)
    case "items": items = try decoder.decode([Item].self)
    case "tags": tags = try decoder.decode([String: String].self)
    case "color": color = try decoder.decode(Color?.self)
    default: total = try decoder.decode(JavaBigDecimal?.self)
    }
  }
}

/// `org.apache.dubbo.sample.BoxedValues { Integer count; Long total; Double ratio; Boolean enabled }`:
/// every field may be null.
struct BoxedValues: InteropPOJO {
  static let hessianClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.BoxedValues", fieldNames: ["enabled", "ratio", "total", "count"])
  static let cauchoClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.BoxedValues", fieldNames: ["count", "total", "ratio", "enabled"])

  var count: Int32?
  var total: Int64?
  var ratio: Double?
  var enabled: Bool?

  init() {}

  init(count: Int32?, total: Int64?, ratio: Double?, enabled: Bool?) {
    self.count = count
    self.total = total
    self.ratio = ratio
    self.enabled = enabled
  }

  func encodeField(_ field: String, to encoder: inout HessianEncoder) {
    switch field {
    case "count": encoder.encode(count)
    case "total": encoder.encode(total)
    case "ratio": encoder.encode(ratio)
    default: encoder.encode(enabled)
    }
  }

  mutating func decodeField(_ field: String, from decoder: inout HessianDecoder) throws {
    switch field {
    case "count": count = try decoder.decode(Int32?.self)
    case "total": total = try decoder.decode(Int64?.self)
    case "ratio": ratio = try decoder.decode(Double?.self)
    default: enabled = try decoder.decode(Bool?.self)
    }
  }
}

/// `org.apache.dubbo.sample.Node { String name; Node next }`, which Java links into cycles.
///
/// A Swift value cannot contain itself, so `next` can also be a back-reference to a node that
/// encloses this one (a cycle), named by the value-reference slot that node took in the stream.
struct Node: HessianObjectCodable, Equatable {
  static let hessianClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.Node", fieldNames: ["next", "name"])
  static let cauchoClass = HessianClassDefinition(
    className: "org.apache.dubbo.sample.Node", fieldNames: ["name", "next"])

  indirect enum Link: Equatable {
    /// `next == null`.
    case none
    /// `next` is a node not yet in the stream.
    case node(Node)
    /// `next` is the enclosing node that took this value-reference slot (`0x51` + slot).
    case enclosing(slot: Int)
  }

  var name = ""
  var next = Link.none

  init(name: String, next: Link) {
    self.name = name
    self.next = next
  }

  func encode(to encoder: inout HessianEncoder) {
    let definition = FieldOrder.current == .caucho ? Self.cauchoClass : Self.hessianClass
    encoder.writeObjectHeader(definition)
    for field in definition.fieldNames {
      if field == "name" {
        encoder.encode(name)
      } else {
        switch next {
        case .none: encoder.writeNull()
        case .node(let node): encoder.encode(node)
        case .enclosing(let slot): encoder.writeReference(slot)
        }
      }
    }
  }

  init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    for index in header.fieldIndexes {
      switch index {
      case 0:
        // A back-reference to this node or to one that encloses it (a slot not after ours).
        if let slot = try (0...header.referenceIndex).first(where: { try decoder.consumeReference(to: $0) }) {
          next = .enclosing(slot: slot)
        } else if let node = try decoder.decode(Node?.self) {
          next = .node(node)
        } else {
          next = .none
        }
      case 1: name = try decoder.decode(String.self)
      default: try decoder.skipValue()
      }
    }
  }
}

/// A Java array or collection class: a Hessian list typed with the Java type (`"[int"`,
/// `"[string"`, `"[org.apache.dubbo.sample.User"`…). Decoding keeps the type so it is compared too.
struct JavaList<Element: HessianCodable & Equatable>: HessianCodable, Equatable {
  var type: String
  var elements: [Element]

  init(_ type: String, _ elements: [Element]) {
    self.type = type
    self.elements = elements
  }

  func encode(to encoder: inout HessianEncoder) {
    encoder.writeList(elements, type: type)
  }

  init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readListHeader()
    type = header.type ?? "<untyped>"
    elements = try decoder.readListElements(header) { try $0.decode(Element.self) }
  }
}
