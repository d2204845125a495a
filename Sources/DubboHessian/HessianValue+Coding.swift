import NIOCore

extension HessianValue: HessianCodable {
  /// Writes the value with the Java types it carries.
  public func encode(to encoder: inout HessianEncoder) {
    switch self {
    case .null: encoder.writeNull()
    case .bool(let value): encoder.writeBool(value)
    case .int(let value): encoder.writeInt(value)
    case .long(let value): encoder.writeLong(value)
    case .double(let value): encoder.writeDouble(value)
    case .string(let value): encoder.writeString(value)
    case .binary(let value): encoder.writeBinary(value)
    case .date(let milliseconds): encoder.writeDate(millisecondsSince1970: milliseconds)
    case .list(let list): encoder.writeList(list.elements, type: list.type)
    case .map(let map):
      encoder.writeMapHeader(type: map.type)
      for entry in map.entries {
        entry.key.encode(to: &encoder)
        entry.value.encode(to: &encoder)
      }
      encoder.writeEnd()
    case .object(let object):
      encoder.writeObjectHeader(className: object.className, fieldNames: object.fields.map(\.name))
      for field in object.fields { field.value.encode(to: &encoder) }
    case .reference(let index): encoder.writeReference(index)
    }
  }

  /// Reads any value, resolving back-references to copies of the values they point to.
  public init(from decoder: inout HessianDecoder) throws {
    self = try decoder.readValue(resolvingReferences: true)
  }
}

extension HessianDecoder {
  /// Reads the next value, whatever it is, into a ``HessianValue``.
  ///
  /// - Parameter resolvingReferences: When `true` (the default), a back-reference to a value read
  ///   before becomes a copy of that value, which is what a program wants. When `false`, every
  ///   back-reference stays a ``HessianValue/reference(_:)``, keeping the stream's shape so that
  ///   encoding the result writes the same references again (for tools that inspect payloads).
  public mutating func decodeValue(resolvingReferences: Bool = true) throws -> HessianValue {
    try readValue(resolvingReferences: resolvingReferences)
  }

  /// Reads past the next value (for example a field the expected type does not have), still
  /// recording the class definitions, types and reference slots it declares.
  public mutating func skipValue() throws {
    _ = try readValue(resolvingReferences: false)
  }

  mutating func readValue(resolvingReferences: Bool) throws -> HessianValue {
    let tag = try peekValueTag()
    switch tag {
    case HessianTag.null:
      position += 1
      return .null
    case HessianTag.true, HessianTag.false:
      return .bool(try readBool())
    case 0x80...0xD7, HessianTag.int:
      return .int(try readInt())
    case 0xD8...0xFF, 0x38...0x3F, HessianTag.longInt, HessianTag.long:
      return .long(try readLong())
    case 0x5B...0x5F, HessianTag.double:
      return .double(try readDouble())
    case HessianTag.dateMillis, HessianTag.dateMinutes:
      return .date(millisecondsSince1970: try readDateMilliseconds())
    case 0x00...0x1F, 0x30...0x33, HessianTag.stringChunk, HessianTag.stringFinal:
      return .string(try readString())
    case 0x20...0x2F, 0x34...0x37, HessianTag.binaryChunk, HessianTag.binaryFinal:
      return .binary(try readBinary())
    case 0x55...0x58, 0x70...0x7F:
      return try nested {
        let header = try $0.readListHeader()
        let elements = try $0.readListElements(header) { try $0.readValue(resolvingReferences: resolvingReferences) }
        return .list(HessianList(type: header.type, elements: elements))
      }
    case HessianTag.untypedMap, HessianTag.typedMap:
      return try nested {
        let header = try $0.readMapHeader()
        var entries: [HessianMap.Entry] = []
        try $0.readMapEntries(referenceIndex: header.referenceIndex) {
          let key = try $0.readValue(resolvingReferences: resolvingReferences)
          let value = try $0.readValue(resolvingReferences: resolvingReferences)
          entries.append(HessianMap.Entry(key: key, value: value))
        }
        return .map(HessianMap(type: header.type, entries: entries))
      }
    case HessianTag.object, 0x60...0x6F:
      return try nested { try $0.readObjectValue(resolvingReferences: resolvingReferences) }
    case HessianTag.reference:
      let index = try readReferenceIndex()
      guard resolvingReferences, !isInProgress(referenceSlot: index) else { return .reference(index) }
      return try replayReference(index) { try $0.readValue(resolvingReferences: true) }
    default:
      throw error(.invalidTag, "\(HessianTag.describe(tag)) cannot start a value")
    }
  }

  private mutating func readObjectValue(resolvingReferences: Bool) throws -> HessianValue {
    let (classIndex, referenceIndex) = try readInstanceMarker()
    let definition = classDefinitions[classIndex]
    var fields: [HessianObject.Field] = []
    fields.reserveCapacity(definition.fieldNames.count)
    for name in definition.fieldNames {
      fields.append(HessianObject.Field(name: name, value: try readValue(resolvingReferences: resolvingReferences)))
    }
    completeReferenceSlot(referenceIndex)
    return .object(HessianObject(className: definition.className, fields: fields))
  }

  /// Runs `body` one nesting level deeper, enforcing the depth limit.
  private mutating func nested(_ body: (inout HessianDecoder) throws -> HessianValue) throws -> HessianValue {
    depth += 1
    defer { depth -= 1 }
    guard depth <= limits.maxDepth else { throw depthLimitExceeded() }
    return try body(&self)
  }
}

extension HessianEncoder {
  /// Writes an object header for a class known only at run time by its name and field names
  /// (reusing this stream's definition when it already declared the same class and fields).
  public mutating func writeObjectHeader(className: String, fieldNames: [String]) {
    writeObjectHeader(
      knownDefinition(className: className, fieldNames: fieldNames)
        ?? HessianClassDefinition(className: className, fieldNames: fieldNames)
    )
  }
}
