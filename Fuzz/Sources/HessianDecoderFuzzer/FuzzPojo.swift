import DubboHessian
import Foundation

/// `com.foo.Kind { ALPHA, BETA }`: a Java enum, written as a reference when repeated in a stream.
enum FuzzKind: String, HessianJavaEnum {
  static let hessianClass = HessianClassDefinition(javaEnum: "com.foo.Kind")
  case alpha = "ALPHA"
  case beta = "BETA"
}

/// A POJO coded the way generated code is (like the tests' `Person`), with a nested self-type
/// field, a `Map<String, Long>`, a `List<Double>`, an enum and the other built-in conformances:
///
///     class com.foo.FuzzPojo { String name; int id; Kind kind; FuzzPojo child;
///                              Map<String, Long> scores; List<Double> samples; boolean active;
///                              short level; float ratio; byte[] payload; Date created;
///                              Set<String> tags; }
///
/// A class (not a struct) so that it can hold an optional value of its own type.
final class FuzzPojo: HessianObjectCodable, CustomStringConvertible {
  static let hessianClass = HessianClassDefinition(
    className: "com.foo.FuzzPojo",
    fieldNames: [
      "samples", "scores", "child", "kind", "id", "name", "active", "level", "ratio", "payload", "created", "tags",
    ]
  )

  let name: String
  let id: Int32
  let kind: FuzzKind?
  let child: FuzzPojo?
  let scores: [String: Int64]
  let samples: [Double]
  let active: Bool
  let level: Int16
  let ratio: Float
  let payload: Data
  let created: Date?
  let tags: Set<String>

  init(
    name: String = "", id: Int32 = 0, kind: FuzzKind? = nil, child: FuzzPojo? = nil,
    scores: [String: Int64] = [:], samples: [Double] = [], active: Bool = false, level: Int16 = 0,
    ratio: Float = 0, payload: Data = Data(), created: Date? = nil, tags: Set<String> = []
  ) {
    self.name = name
    self.id = id
    self.kind = kind
    self.child = child
    self.scores = scores
    self.samples = samples
    self.active = active
    self.level = level
    self.ratio = ratio
    self.payload = payload
    self.created = created
    self.tags = tags
  }

  func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.encode(samples)
    encoder.encode(scores)
    encoder.encode(child)
    encoder.encode(kind)
    encoder.encode(id)
    encoder.encode(name)
    encoder.encode(active)
    encoder.encode(level)
    encoder.encode(ratio)
    encoder.encode(payload)
    encoder.encode(created)
    encoder.encode(tags)
  }

  convenience init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    var name = ""
    var id: Int32 = 0
    var kind: FuzzKind?
    var child: FuzzPojo?
    var scores: [String: Int64] = [:]
    var samples: [Double] = []
    var active = false
    var level: Int16 = 0
    var ratio: Float = 0
    var payload = Data()
    var created: Date?
    var tags: Set<String> = []
    for field in header.fieldIndexes {
      switch field {
      case 0: samples = try decoder.decode([Double].self)
      case 1: scores = try decoder.decode([String: Int64].self)
      case 2: child = try decoder.decode(FuzzPojo?.self)
      case 3: kind = try decoder.decode(FuzzKind?.self)
      case 4: id = try decoder.decode(Int32.self)
      case 5: name = try decoder.decode(String.self)
      case 6: active = try decoder.decode(Bool.self)
      case 7: level = try decoder.decode(Int16.self)
      case 8: ratio = try decoder.decode(Float.self)
      case 9: payload = try decoder.decode(Data.self)
      case 10: created = try decoder.decode(Date?.self)
      case 11: tags = try decoder.decode(Set<String>.self)
      default: try decoder.skipValue()
      }
    }
    self.init(
      name: name, id: id, kind: kind, child: child, scores: scores, samples: samples, active: active,
      level: level, ratio: ratio, payload: payload, created: created, tags: tags)
  }

  var description: String {
    "FuzzPojo(name: \(name.debugDescription), id: \(id), kind: \(kind.map { "\($0)" } ?? "nil"), "
      + "child: \(child.map { "\($0)" } ?? "nil"), scores: \(scores), samples: \(samples), active: \(active), "
      + "level: \(level), ratio: \(ratio), payload: \(Array(payload)), "
      + "created: \(created.map { "\($0.timeIntervalSince1970)" } ?? "nil"), tags: \(tags))"
  }
}
