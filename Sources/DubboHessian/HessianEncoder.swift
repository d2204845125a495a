import Foundation
import NIOCore

/// Writes a Hessian 2 stream into a `ByteBuffer`, choosing the same compact forms as Dubbo's
/// hessian-lite so that the bytes match what Java writes for the same values.
///
/// One encoder is one stream: every value written shares the stream's class-definition table,
/// type table and reference numbering, as all the items of a Dubbo message body do. Use a new
/// encoder (or ``reset()``) for each message, and copy the result into the outgoing buffer with
/// ``write(to:)``.
public struct HessianEncoder: Sendable {
  /// The written bytes are `storage[..<count]`; the rest is spare capacity, kept initialised so
  /// that each value is stored through one pointer without per-byte bookkeeping.
  @usableFromInline var storage: [UInt8]
  @usableFromInline var count = 0
  private var classDefinitions: [HessianClassDefinition] = []
  /// The one-byte instance tag last written and the definition (held by `classDefinitions`) it
  /// stands for: the next instance of the same class, as in a list, needs no search.
  @usableFromInline var lastInstanceTag: (definition: ObjectIdentifier, tag: UInt8)?
  private var typeIndexes: [String: Int] = [:]
  private var enumReferences: [EnumConstant: Int] = [:]
  /// How many values (lists, maps, objects) have taken a reference slot so far.
  public var referenceCount: Int { referenceSlotCount }
  @usableFromInline var referenceSlotCount = 0
  /// The first value that had no valid Hessian form (see ``fail(_:)``), if any.
  public private(set) var failure: HessianError?

  private struct EnumConstant: Hashable, Sendable {
    var className: String
    var name: String
  }

  /// Creates an encoder for a new stream.
  /// - Parameter capacity: How many bytes to reserve up front.
  public init(capacity: Int = 256) {
    storage = [UInt8](repeating: 0, count: max(capacity, 16))
  }

  /// The bytes written so far.
  public var bytes: [UInt8] { Array(storage[..<count]) }

  /// The bytes written so far, in a new `ByteBuffer`.
  public var buffer: ByteBuffer { ByteBuffer(bytes: storage[..<count]) }

  /// How many bytes have been written.
  public var byteCount: Int { count }

  /// Appends the bytes written so far to `buffer`.
  public func write(to buffer: inout ByteBuffer) {
    buffer.writeBytes(storage[..<count])
  }

  /// Starts a new stream: forgets the bytes, class definitions, types and references written so
  /// far, keeping the allocated capacity.
  public mutating func reset() {
    count = 0
    classDefinitions.removeAll(keepingCapacity: true)
    lastInstanceTag = nil
    typeIndexes.removeAll(keepingCapacity: true)
    enumReferences.removeAll(keepingCapacity: true)
    referenceSlotCount = 0
    failure = nil
  }

  /// Records that a value has no valid Hessian form (text that is not a valid
  /// `java.math.BigDecimal`, say) and writes Java `null` in its place. The first such failure is
  /// kept in ``failure``, which the owner of the stream must check before sending it.
  public mutating func fail(_ message: String) {
    if failure == nil { failure = HessianError(.invalidValue, message, offset: count) }
    writeNull()
  }

  /// Writes a value through its ``HessianEncodable`` conformance.
  @inlinable
  public mutating func encode<Value: HessianEncodable>(_ value: Value) {
    value.encode(to: &self)
  }

  /// Stores at most `maxLength` bytes through `body`, which returns how many it stored.
  @inlinable @inline(__always)
  mutating func write(maxLength: Int, _ body: (UnsafeMutableRawPointer) -> Int) {
    if storage.count - count < maxLength { grow(toFit: maxLength) }
    let start = count
    count += storage.withUnsafeMutableBytes { body($0.baseAddress! + start) }
  }

  /// Makes room for `length` more bytes, at least doubling the storage.
  @usableFromInline
  mutating func grow(toFit length: Int) {
    storage.append(contentsOf: repeatElement(0, count: Swift.max(storage.count, length)))
  }

  @inlinable
  mutating func append(_ byte: UInt8) {
    write(maxLength: 1) {
      $0.storeBytes(of: byte, as: UInt8.self)
      return 1
    }
  }

  @inlinable
  mutating func append(_ first: UInt8, _ second: UInt8) {
    write(maxLength: 2) {
      $0.storeBytes(of: first, as: UInt8.self)
      $0.storeBytes(of: second, toByteOffset: 1, as: UInt8.self)
      return 2
    }
  }

  /// Appends a tag followed by a big-endian integer.
  @inlinable
  mutating func append<Integer: FixedWidthInteger>(_ tag: UInt8, _ value: Integer) {
    let size = MemoryLayout<Integer>.size
    write(maxLength: 1 + size) {
      $0.storeBytes(of: tag, as: UInt8.self)
      $0.storeBytes(of: value.bigEndian, toByteOffset: 1, as: Integer.self)
      return 1 + size
    }
  }

  mutating func append(contentsOf bytes: UnsafeRawBufferPointer) {
    guard let source = bytes.baseAddress else { return }
    write(maxLength: bytes.count) {
      $0.copyMemory(from: source, byteCount: bytes.count)
      return bytes.count
    }
  }

  mutating func append(contentsOf bytes: some Collection<UInt8>) {
    if bytes.withContiguousStorageIfAvailable({ append(contentsOf: UnsafeRawBufferPointer($0)) }) == nil {
      Array(bytes).withUnsafeBytes { append(contentsOf: $0) }
    }
  }

  /// Writes Java `null` (`N`).
  @inlinable
  public mutating func writeNull() {
    append(HessianTag.null)
  }

  /// Writes a boolean (`T` or `F`).
  @inlinable
  public mutating func writeBool(_ value: Bool) {
    append(value ? HessianTag.true : HessianTag.false)
  }

  /// Writes a Java `int` in its shortest form (1, 2, 3 or 5 bytes).
  @inlinable
  public mutating func writeInt(_ value: Int32) {
    switch value {
    case -16...47:
      append(UInt8(truncatingIfNeeded: Int32(HessianTag.intDirectZero) + value))
    case -2048...2047:
      append(
        UInt8(truncatingIfNeeded: Int32(HessianTag.intByteZero) + (value >> 8)),
        UInt8(truncatingIfNeeded: value)
      )
    case -262_144...262_143:
      append(
        UInt8(truncatingIfNeeded: Int32(HessianTag.intShortZero) + (value >> 16)),
        UInt16(truncatingIfNeeded: value)
      )
    default:
      append(HessianTag.int, value)
    }
  }

  /// Writes a Java `long` in its shortest form (1, 2, 3, 5 or 9 bytes).
  @inlinable
  public mutating func writeLong(_ value: Int64) {
    switch value {
    case -8...15:
      append(UInt8(truncatingIfNeeded: Int64(HessianTag.longDirectZero) + value))
    case -2048...2047:
      append(
        UInt8(truncatingIfNeeded: Int64(HessianTag.longByteZero) + (value >> 8)),
        UInt8(truncatingIfNeeded: value)
      )
    case -262_144...262_143:
      append(
        UInt8(truncatingIfNeeded: Int64(HessianTag.longShortZero) + (value >> 16)),
        UInt16(truncatingIfNeeded: value)
      )
    case Int64(Int32.min)...Int64(Int32.max):
      append(HessianTag.longInt, Int32(truncatingIfNeeded: value))
    default:
      append(HessianTag.long, value)
    }
  }

  /// Writes a boxed `java.lang.Float` as hessian-lite does: through its shortest decimal text,
  /// so `0.1` becomes the double 0.1 (`5F 00 00 00 64`), not 0.10000000149011612. A primitive
  /// `float` widens directly: write `Double(value)` with ``writeDouble(_:)``.
  public mutating func writeBoxedFloat(_ value: Float) {
    writeDouble(Double(value.description) ?? Double(value))
  }

  /// Writes a Java `double`, using the compact forms hessian-lite picks for whole numbers and
  /// for values that are an exact number of thousandths.
  public mutating func writeDouble(_ value: Double) {
    let whole = Self.javaIntCast(value)
    if Double(whole) == value {
      switch whole {
      case 0:
        append(HessianTag.doubleZero)
        return
      case 1:
        append(HessianTag.doubleOne)
        return
      case -128...127:
        append(HessianTag.doubleByte, Int8(whole))
        return
      case -32768...32767:
        append(HessianTag.doubleShort, Int16(whole))
        return
      default:
        break
      }
    }
    let mills = Self.javaIntCast(value * 1000)
    if 0.001 * Double(mills) == value {
      append(HessianTag.doubleMill, mills)
    } else {
      append(HessianTag.double, value.bitPattern)
    }
  }

  /// Java's `(int) double`: truncation toward zero, NaN to 0, saturating at the int range.
  private static func javaIntCast(_ value: Double) -> Int32 {
    if value.isNaN { return 0 }
    if value >= Double(Int32.max) { return .max }
    if value <= Double(Int32.min) { return .min }
    return Int32(value)
  }

  /// Writes a `java.util.Date` given in milliseconds since 1970 UTC (minute form when exact).
  @inlinable
  public mutating func writeDate(millisecondsSince1970 milliseconds: Int64) {
    if milliseconds % 60_000 == 0, let minutes = Int32(exactly: milliseconds / 60_000) {
      append(HessianTag.dateMinutes, minutes)
    } else {
      append(HessianTag.dateMillis, milliseconds)
    }
  }

  /// Writes a `java.util.Date`, rounded to the millisecond.
  @inlinable
  public mutating func writeDate(_ date: Date) {
    writeDate(millisecondsSince1970: JavaDate.milliseconds(of: date))
  }

  /// Writes a Java `byte[]`, split into chunks of 32,768 bytes when longer than that.
  public mutating func writeBinary(_ data: some Collection<UInt8>) {
    var remaining = data[...]
    while remaining.count > Self.binaryChunkLength {
      append(HessianTag.binaryChunk, UInt16(Self.binaryChunkLength))
      append(contentsOf: remaining.prefix(Self.binaryChunkLength))
      remaining = remaining.dropFirst(Self.binaryChunkLength)
    }
    let count = remaining.count
    if count <= HessianTag.binaryDirectMax {
      append(HessianTag.binaryDirectZero + UInt8(count))
    } else if count <= HessianTag.binaryShortMax {
      append(HessianTag.binaryShortZero + UInt8(count >> 8), UInt8(truncatingIfNeeded: count))
    } else {
      append(HessianTag.binaryFinal, UInt16(count))
    }
    append(contentsOf: remaining)
  }

  private static let binaryChunkLength = 0x8000

  /// Writes the end marker (`Z`) of a variable-length list or of a map.
  public mutating func writeEnd() {
    append(HessianTag.end)
  }

  /// Writes the header of a list with a known element count; the elements follow.
  ///
  /// - Parameters:
  ///   - count: The number of elements that follow.
  ///   - type: The Java type of the list (`"[int"`, `"[string"`, `"java.util.HashSet"`…), or `nil`
  ///     for an untyped list as Java writes a `java.util.ArrayList`.
  public mutating func writeListHeader(count: Int, type: String? = nil) {
    referenceSlotCount += 1
    if let type {
      if count <= HessianTag.listDirectMax {
        append(HessianTag.listDirect + UInt8(count))
        writeType(type)
      } else {
        append(HessianTag.listFixed)
        writeType(type)
        writeInt(Int32(clamping: count))
      }
    } else if count <= HessianTag.listDirectMax {
      append(HessianTag.listDirectUntyped + UInt8(count))
    } else {
      append(HessianTag.listFixedUntyped)
      writeInt(Int32(clamping: count))
    }
  }

  /// Writes the header of a list whose length is not known up front; finish it with ``writeEnd()``.
  public mutating func writeVariableListHeader(type: String? = nil) {
    referenceSlotCount += 1
    if let type {
      append(HessianTag.listVariable)
      writeType(type)
    } else {
      append(HessianTag.listVariableUntyped)
    }
  }

  /// Writes the header of a map; write key, value pairs, then ``writeEnd()``.
  ///
  /// - Parameter type: The Java map class (`"java.util.LinkedHashMap"`…), or `nil` for a
  ///   `java.util.HashMap`, which Java writes untyped.
  public mutating func writeMapHeader(type: String? = nil) {
    referenceSlotCount += 1
    if let type {
      append(HessianTag.typedMap)
      writeType(type)
    } else {
      append(HessianTag.untypedMap)
    }
  }

  /// Writes the header of an object instance: the class definition the first time the class is
  /// used in this stream, then the instance marker. The field values follow, in the definition's
  /// order.
  @inlinable
  public mutating func writeObjectHeader(_ definition: HessianClassDefinition) {
    if let last = lastInstanceTag, last.definition == ObjectIdentifier(definition) {
      referenceSlotCount += 1
      append(last.tag)
    } else {
      writeObjectHeaderLookingUp(definition)
    }
  }

  /// ``writeObjectHeader(_:)`` for another class than the last instance's.
  @usableFromInline
  mutating func writeObjectHeaderLookingUp(_ definition: HessianClassDefinition) {
    referenceSlotCount += 1
    let index: Int
    if let existing = classDefinitions.firstIndex(where: { $0 == definition }) {
      index = existing
    } else {
      index = classDefinitions.count
      classDefinitions.append(definition)
      append(contentsOf: definition.encodedRecord)
    }
    if index <= HessianTag.objectDirectMax {
      let tag = HessianTag.objectDirect + UInt8(index)
      // The stream's own definition, which lives as long as the stream: an equal one passed here
      // may be freed and its address reused by another class's.
      lastInstanceTag = (ObjectIdentifier(classDefinitions[index]), tag)
      append(tag)
    } else {
      append(HessianTag.object)
      writeInt(Int32(index))
    }
  }

  /// The definition this stream already declared for `className` with exactly these fields.
  func knownDefinition(className: String, fieldNames: [String]) -> HessianClassDefinition? {
    classDefinitions.first { $0.className == className && $0.fieldNames == fieldNames }
  }

  /// Writes a back-reference (`Q`) to the value that took reference slot `index` in this stream.
  public mutating func writeReference(_ index: Int) {
    append(HessianTag.reference)
    writeInt(Int32(clamping: index))
  }

  /// Writes a Java enum constant: an object of the enum class with one field `name`. A constant
  /// already written in this stream is written as a reference, as Java does (constants are
  /// singletons).
  public mutating func writeEnumConstant(_ name: String, definition: HessianClassDefinition) {
    let constant = EnumConstant(className: definition.className, name: name)
    if let index = enumReferences[constant] {
      writeReference(index)
      return
    }
    enumReferences[constant] = referenceCount
    writeObjectHeader(definition)
    writeString(name)
  }

  /// Writes a list or map type: its name the first time, its index in the type table afterwards.
  private mutating func writeType(_ type: String) {
    if let index = typeIndexes[type] {
      writeInt(Int32(index))
    } else {
      typeIndexes[type] = typeIndexes.count
      writeString(type)
    }
  }
}
