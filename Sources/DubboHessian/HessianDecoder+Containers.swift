import Foundation
import NIOCore

/// The header of a list read by ``HessianDecoder/readListHeader()``.
public struct HessianListHeader: Sendable, Hashable {
  /// The Java type of the list (`"[int"`, `"java.util.HashSet"`…), or `nil` for an untyped list.
  public var type: String?
  /// The element count, or `nil` for a variable-length list that ends with an end marker.
  public var count: Int?
  /// The list's reference slot in the stream.
  public var referenceIndex: Int
}

/// The header of an object instance read by ``HessianDecoder/readObjectHeader(expecting:)``.
///
/// The wire's class name and field names are available from the decoder that read the header:
/// ``HessianDecoder/className(of:)`` and ``HessianDecoder/fieldNames(of:)``.
public struct HessianObjectHeader: Sendable {
  /// For each field on the wire, in order, the index of the field with the same name in the
  /// expected definition, or -1 when the expected definition has no such field (skip its value).
  public var fieldIndexes: HessianFieldIndexes
  /// Whether the wire has exactly the expected fields in the expected order, as a peer with the
  /// same class writes them: the values can then be read one after the other without looking up
  /// ``fieldIndexes``.
  @inlinable public var hasExpectedFields: Bool { fieldIndexes.table == nil }
  /// The object's reference slot in the stream.
  public var referenceIndex: Int
  /// The object's class definition in the stream.
  let classIndex: Int
}

extension HessianDecoder {
  /// Reads the header of a list (any of the typed, untyped, fixed and variable forms).
  public mutating func readListHeader() throws -> HessianListHeader {
    let tag = try peekValueTag()
    let valueStart = position
    let start = offset
    position += 1
    var type: String?
    var count: Int?
    switch tag {
    case HessianTag.listVariable:
      type = try readType()
    case HessianTag.listFixed:
      type = try readType()
      count = Int(try readInt())
    case HessianTag.listVariableUntyped:
      break
    case HessianTag.listFixedUntyped:
      count = Int(try readInt())
    case 0x70...0x77:
      count = Int(tag - HessianTag.listDirect)
      type = try readType()
    case 0x78...0x7F:
      count = Int(tag - HessianTag.listDirectUntyped)
    default:
      throw HessianError(.typeMismatch, "expected a list, found \(HessianTag.describe(tag))", offset: start)
    }
    if let count {
      try checkCollectionLimit(count)
      guard count <= remainingBytes else { throw truncated() }
    }
    return HessianListHeader(type: type, count: count, referenceIndex: try reserveReferenceSlot(at: valueStart))
  }

  /// Reads the header of a map: `H` (untyped, a `java.util.HashMap`) or `M` with its type.
  /// - Returns: The map's Java type (`nil` when untyped) and its reference slot.
  public mutating func readMapHeader() throws -> (type: String?, referenceIndex: Int) {
    let tag = try peekValueTag()
    let valueStart = position
    let start = offset
    position += 1
    let type: String?
    switch tag {
    case HessianTag.untypedMap: type = nil
    case HessianTag.typedMap: type = try readType()
    default:
      throw HessianError(.typeMismatch, "expected a map, found \(HessianTag.describe(tag))", offset: start)
    }
    return (type, try reserveReferenceSlot(at: valueStart))
  }

  /// Consumes the end marker (`Z`) of a map or variable-length list if it is next.
  /// - Returns: Whether the end was reached.
  public mutating func consumeEnd() throws -> Bool {
    guard let tag = peekByte() else { throw truncated() }
    guard tag == HessianTag.end else { return false }
    position += 1
    return true
  }

  /// Reads a list's elements with `element`, for a header from ``readListHeader()``.
  @inlinable
  public mutating func readListElements<Element>(
    _ header: HessianListHeader,
    _ element: (inout HessianDecoder) throws -> Element
  ) throws -> [Element] {
    if let count = header.count {
      // Filled in place: appending would check the array's uniqueness and capacity per element.
      let elements = try [Element](unsafeUninitializedCapacity: count) { buffer, initializedCount in
        while initializedCount < count {
          (buffer.baseAddress! + initializedCount).initialize(to: try element(&self))
          initializedCount += 1
        }
      }
      completeReferenceSlot(header.referenceIndex)
      return elements
    }
    var elements: [Element] = []
    while try !consumeEnd() {
      try checkCollectionLimit(elements.count + 1)
      elements.append(try element(&self))
    }
    completeReferenceSlot(header.referenceIndex)
    return elements
  }

  /// Reads map entries until the end marker, calling `entry` for each key-value pair.
  @inlinable
  public mutating func readMapEntries(
    referenceIndex: Int,
    _ entry: (inout HessianDecoder) throws -> Void
  ) throws {
    var count = 0
    while try !consumeEnd() {
      count += 1
      try checkCollectionLimit(count)
      try entry(&self)
    }
    completeReferenceSlot(referenceIndex)
  }

  /// Reads an object instance header and matches its fields by name against `definition`.
  ///
  /// The class name on the wire is not required to equal the expected one (a Java field may hold a
  /// subclass); fields are matched by name, so their order does not matter, unknown fields are
  /// to be skipped and missing fields keep their defaults.
  public mutating func readObjectHeader(expecting definition: HessianClassDefinition) throws -> HessianObjectHeader {
    // The common case: a compact instance of a class this stream already matched with `definition`.
    let start = position
    if start < input.count, replayCursor == nil {
      let classIndex = Int(input[start]) &- Int(HessianTag.objectDirect)
      if classIndex >= 0, classIndex <= HessianTag.objectDirectMax, classIndex < classDefinitions.count,
        classDefinitions[classIndex].matchedDefinition === definition
      {
        position += 1
        return HessianObjectHeader(
          fieldIndexes: classDefinitions[classIndex].matchedFieldIndexes,
          referenceIndex: appendReferenceSlot(at: start),
          classIndex: classIndex
        )
      }
    }
    return try readObjectHeaderMatchingFields(expecting: definition)
  }

  @inline(never)
  private mutating func readObjectHeaderMatchingFields(
    expecting definition: HessianClassDefinition
  ) throws -> HessianObjectHeader {
    try readDefinitionRecord(matching: definition)
    let (classIndex, referenceIndex) = try readInstanceMarker()
    if classDefinitions[classIndex].matchedDefinition !== definition {
      let wireFields = classDefinitions[classIndex].fieldNames
      classDefinitions[classIndex].matchedDefinition = definition
      classDefinitions[classIndex].matchedFieldIndexes =
        wireFields == definition.fieldNames
        ? HessianFieldIndexes(identityCount: wireFields.count)
        : HessianFieldIndexes(wireFields.map { definition.fieldNames.firstIndex(of: $0) ?? -1 })
    }
    return HessianObjectHeader(
      fieldIndexes: classDefinitions[classIndex].matchedFieldIndexes,
      referenceIndex: referenceIndex,
      classIndex: classIndex
    )
  }

  /// The Java class name on the wire of an object whose header this decoder read.
  public func className(of header: HessianObjectHeader) -> String {
    classDefinitions[header.classIndex].className
  }

  /// The field names on the wire, in the order their values follow, of an object whose header
  /// this decoder read.
  public func fieldNames(of header: HessianObjectHeader) -> [String] {
    classDefinitions[header.classIndex].fieldNames
  }

  /// Reads an object of a class with a single field (a Java enum constant, a `BigDecimal`, a
  /// java.time handle) and returns that field's value, skipping any other field.
  /// - Returns: The field's value (`nil` when the object lacks it or it is null) and the header,
  ///   whose class name error messages can use.
  public mutating func readSingleFieldObject<Value: HessianDecodable>(
    expecting definition: HessianClassDefinition,
    as type: Value.Type
  ) throws -> (value: Value?, header: HessianObjectHeader) {
    let header = try readObjectHeader(expecting: definition)
    var value: Value?
    for field in header.fieldIndexes {
      if field == 0 { value = try decode(Value?.self) } else { try skipValue() }
    }
    return (value, header)
  }

  /// Reads the name of a Java enum constant: an object of `definition`'s class, as Java writes a
  /// constant, or a plain string, as a generic call generalizes one (Java's `PojoUtils`).
  /// - Returns: The name, or `nil` when the object lacks it or it is null.
  public mutating func readEnumConstantName(expecting definition: HessianClassDefinition) throws -> String? {
    if try nextIsString() { return try readString() }
    return try readSingleFieldObject(expecting: definition, as: String.self).value
  }

  /// Whether the next value is a map (`H` or `M`).
  public mutating func nextIsMap() throws -> Bool {
    let tag = try peekValueTag()
    return tag == HessianTag.untypedMap || tag == HessianTag.typedMap
  }

  /// Whether the next value is a string.
  public mutating func nextIsString() throws -> Bool {
    switch try peekValueTag() {
    case 0...HessianTag.stringDirectMax, HessianTag.stringShortZero...(HessianTag.stringShortZero + 3),
      HessianTag.stringChunk, HessianTag.stringFinal:
      true
    default:
      false
    }
  }

  /// Takes a class definition record that is byte for byte the one `definition` writes (what a
  /// Java peer sends for the same class and field order) without parsing it again.
  private mutating func readDefinitionRecord(matching definition: HessianClassDefinition) throws {
    guard position < input.count, input[position] == HessianTag.classDefinition, replayCursor == nil else { return }
    let record = definition.encodedRecord
    guard input.count - position >= record.count,
      record.withUnsafeBytes({ memcmp(input.start + position, $0.baseAddress!, record.count) == 0 })
    else { return }
    guard classDefinitions.count < limits.maxClassDefinitions else {
      throw error(.limitExceeded, "more than \(limits.maxClassDefinitions) class definitions")
    }
    position += record.count
    classDefinitions.append(
      WireClassDefinition(
        className: definition.className,
        fieldNames: definition.fieldNames,
        matchedDefinition: definition,
        matchedFieldIndexes: HessianFieldIndexes(identityCount: definition.fieldNames.count)
      )
    )
  }

  /// Reads `O`/`0x60`–`0x6F` and takes the instance's reference slot.
  mutating func readInstanceMarker() throws -> (classIndex: Int, referenceIndex: Int) {
    let tag = try peekValueTag()
    let valueStart = position
    let start = offset
    position += 1
    let classIndex: Int
    switch tag {
    case 0x60...0x6F: classIndex = Int(tag - HessianTag.objectDirect)
    case HessianTag.object: classIndex = Int(try readInt())
    default:
      throw HessianError(.typeMismatch, "expected an object, found \(HessianTag.describe(tag))", offset: start)
    }
    guard classIndex >= 0, classIndex < classDefinitions.count else {
      throw HessianError(
        .invalidReference,
        "object of class definition #\(classIndex), but only \(classDefinitions.count) are defined",
        offset: start
      )
    }
    return (classIndex, try reserveReferenceSlot(at: valueStart))
  }

  /// Reads a list or map type: a string (added to the type table) or an index into the table.
  private mutating func readType() throws -> String {
    let tag = try peekValueTag()
    switch tag {
    case 0x00...0x1F, 0x30...0x33, HessianTag.stringChunk, HessianTag.stringFinal:
      let type = try readString()
      if replayCursor == nil { types.append(type) }
      return type
    default:
      let start = offset
      let index = Int(try readInt())
      guard index >= 0, index < types.count else {
        throw HessianError(
          .invalidReference, "type reference #\(index), but only \(types.count) types are defined", offset: start)
      }
      return types[index]
    }
  }

  @usableFromInline
  func checkCollectionLimit(_ count: Int) throws {
    guard count >= 0 else { throw error(.invalidValue, "negative length \(count)") }
    guard count <= limits.maxCollectionCount else {
      throw error(.limitExceeded, "collection of \(count) elements (limit \(limits.maxCollectionCount))")
    }
  }
}
