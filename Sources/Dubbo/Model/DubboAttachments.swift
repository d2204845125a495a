import DubboHessian

/// The attachments of a call: string keys with Java values (`Map<String, Object>` in Java).
///
/// Dubbo itself puts `path`, `interface`, `version`, `group` and `timeout` here on requests and
/// `dubbo` on responses; users add their own keys. Most values are strings; Java also sends
/// integers (`_TO`) and any other Hessian value, kept as ``HessianValue``.
public struct DubboAttachments: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
  /// One key and its value.
  public typealias Element = (key: String, value: HessianValue)

  private var entries: [Element] = []

  /// Creates empty attachments.
  public init() {}

  /// Creates attachments from string pairs.
  public init(dictionaryLiteral elements: (String, String)...) {
    for (key, value) in elements { self[key] = .string(value) }
  }

  /// The value of `key`; assigning `nil` removes it, assigning a new key appends it.
  public subscript(key: String) -> HessianValue? {
    get { index(of: key).map { entries[$0].value } }
    set {
      if let index = index(of: key) {
        if let newValue {
          entries[index].value = newValue
        } else {
          entries.remove(at: index)
        }
      } else if let newValue {
        // A call carries about ten: skip the smallest steps of the array's growth.
        if entries.isEmpty { entries.reserveCapacity(12) }
        entries.append((key, newValue))
      }
    }
  }

  /// The value of `key` when it is a string.
  public subscript(string key: String) -> String? {
    get {
      guard case .string(let value) = self[key] else { return nil }
      return value
    }
    set { self[key] = newValue.map(HessianValue.string) }
  }

  /// The number of attachments.
  public var count: Int { entries.count }

  private func index(of key: String) -> Int? {
    // Keys of another length are told apart without comparing their text.
    let length = key.utf8.count
    return entries.firstIndex { $0.key.utf8.count == length && $0.key == key }
  }

  /// Whether there are none.
  public var isEmpty: Bool { entries.isEmpty }

  /// The attachments in insertion order.
  public func makeIterator() -> some IteratorProtocol<Element> {
    entries.makeIterator()
  }

  /// Adds every attachment of `other`, replacing values of keys already present (Java's `putAll`).
  public mutating func merge(_ other: DubboAttachments) {
    for (key, value) in other { self[key] = value }
  }

  /// Whether both hold the same keys with equal values, in any order (as Java's `Map.equals`).
  public static func == (lhs: DubboAttachments, rhs: DubboAttachments) -> Bool {
    lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
  }

  /// Hashes the entries independently of their order, consistent with ``==(_:_:)``.
  public func hash(into hasher: inout Hasher) {
    var combined = 0
    for (key, value) in entries {
      var entry = Hasher()
      entry.combine(key)
      entry.combine(value)
      combined ^= entry.finalize()
    }
    hasher.combine(count)
    hasher.combine(combined)
  }

  /// The attachments in the order a `java.util.HashMap` holding them iterates, so a body we write
  /// is byte for byte what Java writes for the same map.
  var inJavaHashMapOrder: [Element] {
    guard entries.count > 1 else { return entries }
    return JavaHashMapOrder.indices(of: entries.lazy.map(\.key)).map { entries[$0] }
  }

  /// Each value rendered as Java's `String.valueOf` would, for serializations that only carry
  /// strings (protobuf's map, for one).
  var stringValues: [(key: String, value: String)] {
    inJavaHashMapOrder.map { (key: $0.key, value: $0.value.javaStringValue) }
  }
}

extension HessianValue {
  /// `String.valueOf(value)` for the scalar kinds Java attachments hold.
  var javaStringValue: String {
    switch self {
    case .null: "null"
    case .bool(let value): String(value)
    case .int(let value): String(value)
    case .long(let value): String(value)
    case .double(let value): String(value)
    case .string(let value): value
    default: String(describing: self)
    }
  }
}
