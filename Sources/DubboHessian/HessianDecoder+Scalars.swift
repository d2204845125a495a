import Foundation
import NIOCore

extension HessianDecoder {
  /// Reads a boolean. Like Java's reader, accepts `null` as `false` and numbers as `!= 0`.
  public mutating func readBool() throws -> Bool {
    switch try peekValueTag() {
    case HessianTag.true:
      position += 1
      return true
    case HessianTag.false, HessianTag.null:
      position += 1
      return false
    default:
      return try readLong() != 0
    }
  }

  /// Reads a Java `int`. Like Java's reader, accepts any numeric form whose value fits (and
  /// `null`/`false` as 0, `true` as 1); anything else is a ``HessianError/Code/typeMismatch``.
  @inlinable @inline(__always)
  public mutating func readInt() throws -> Int32 {
    if position < input.count {
      let tag = input[position]
      if tag >= HessianTag.intDirectMin, tag <= HessianTag.intDirectMax {
        position += 1
        return Int32(tag) - Int32(HessianTag.intDirectZero)
      }
      if tag >= HessianTag.intByteMin, tag <= HessianTag.intByteMax, input.count - position >= 2 {
        position += 2
        return (Int32(tag) - Int32(HessianTag.intByteZero)) << 8 | Int32(input[position - 1])
      }
    }
    return try readIntInOtherForms()
  }

  @usableFromInline
  mutating func readIntInOtherForms() throws -> Int32 {
    let start = offset
    let value = try readLong()
    guard let result = Int32(exactly: value) else {
      throw HessianError(.invalidValue, "\(value) does not fit a Java int", offset: start)
    }
    return result
  }

  /// Reads a Java `long`, accepting any numeric form with an integral value.
  public mutating func readLong() throws -> Int64 {
    let start = offset
    let tag = try peekValueTag()
    position += 1
    switch tag {
    case 0x80...0xBF:
      return Int64(tag) - Int64(HessianTag.intDirectZero)
    case 0xC0...0xCF:
      return (Int64(tag) - Int64(HessianTag.intByteZero)) << 8 | Int64(try readByte())
    case 0xD0...0xD7:
      return (Int64(tag) - Int64(HessianTag.intShortZero)) << 16 | Int64(try readFixed(UInt16.self))
    case HessianTag.int, HessianTag.longInt:
      return Int64(try readFixed(Int32.self))
    case 0xD8...0xEF:
      return Int64(tag) - Int64(HessianTag.longDirectZero)
    case 0xF0...0xFF:
      return (Int64(tag) - Int64(HessianTag.longByteZero)) << 8 | Int64(try readByte())
    case 0x38...0x3F:
      return (Int64(tag) - Int64(HessianTag.longShortZero)) << 16 | Int64(try readFixed(UInt16.self))
    case HessianTag.long:
      return try readFixed(Int64.self)
    case HessianTag.null, HessianTag.false:
      return 0
    case HessianTag.true:
      return 1
    case HessianTag.doubleZero, HessianTag.doubleOne, HessianTag.doubleByte, HessianTag.doubleShort,
      HessianTag.doubleMill, HessianTag.double:
      position -= 1
      let double = try readDouble()
      guard let value = Int64(exactly: double) else {
        throw HessianError(.invalidValue, "\(double) is not an integral number", offset: start)
      }
      return value
    default:
      throw HessianError(.typeMismatch, "expected a number, found \(HessianTag.describe(tag))", offset: start)
    }
  }

  /// Reads a Java `double`, accepting any numeric form.
  public mutating func readDouble() throws -> Double {
    let tag = try peekValueTag()
    switch tag {
    case HessianTag.doubleZero:
      position += 1
      return 0
    case HessianTag.doubleOne:
      position += 1
      return 1
    case HessianTag.doubleByte:
      position += 1
      return Double(try readFixed(Int8.self))
    case HessianTag.doubleShort:
      position += 1
      return Double(try readFixed(Int16.self))
    case HessianTag.doubleMill:
      position += 1
      return 0.001 * Double(try readFixed(Int32.self))
    case HessianTag.double:
      position += 1
      return Double(bitPattern: try readFixed(UInt64.self))
    default:
      return Double(try readLong())
    }
  }

  /// Reads a `java.util.Date` as milliseconds since 1970 UTC.
  @inlinable @inline(__always)
  public mutating func readDateMilliseconds() throws -> Int64 {
    if input.count - position >= 9, input[position] == HessianTag.dateMillis {
      position += 1
      return loadBigEndian(Int64.self)
    }
    if input.count - position >= 5, input[position] == HessianTag.dateMinutes {
      position += 1
      return Int64(loadBigEndian(Int32.self)) * 60_000
    }
    return try readDateMillisecondsAfterDefinitions()
  }

  @usableFromInline
  mutating func readDateMillisecondsAfterDefinitions() throws -> Int64 {
    let start = offset
    let tag = try peekValueTag()
    position += 1
    switch tag {
    case HessianTag.dateMillis:
      return try readFixed(Int64.self)
    case HessianTag.dateMinutes:
      return Int64(try readFixed(Int32.self)) * 60_000
    default:
      throw HessianError(.typeMismatch, "expected a date, found \(HessianTag.describe(tag))", offset: start)
    }
  }

  /// Reads a `java.util.Date`.
  @inlinable
  public mutating func readDate() throws -> Date {
    JavaDate.date(milliseconds: try readDateMilliseconds())
  }

  /// Reads a Java `byte[]`, joining chunks.
  public mutating func readBinary() throws -> [UInt8] {
    var bytes: [UInt8] = []
    while true {
      let start = offset
      let tag = try peekValueTag()
      position += 1
      let length: Int
      var isFinal = true
      switch tag {
      case 0x20...0x2F:
        length = Int(tag - HessianTag.binaryDirectZero)
      case 0x34...0x37:
        length = Int(tag - HessianTag.binaryShortZero) << 8 | Int(try readByte())
      case HessianTag.binaryFinal:
        length = Int(try readFixed(UInt16.self))
      case HessianTag.binaryChunk:
        length = Int(try readFixed(UInt16.self))
        isFinal = false
      default:
        let expected = bytes.isEmpty ? "binary data" : "a binary chunk"
        throw HessianError(.typeMismatch, "expected \(expected), found \(HessianTag.describe(tag))", offset: start)
      }
      guard bytes.count + length <= limits.maxBinaryLength else {
        throw error(.limitExceeded, "binary longer than \(limits.maxBinaryLength) bytes")
      }
      let chunk = try readBytes(count: length)
      if isFinal && bytes.isEmpty { return chunk }
      bytes += chunk
      if isFinal { return bytes }
    }
  }
}

extension HessianTag {
  /// A readable name for a tag byte, for error messages.
  static func describe(_ tag: UInt8) -> String {
    let kind: String
    switch tag {
    case null: kind = "null"
    case `true`, `false`: kind = "boolean"
    case 0x80...0xD7, int: kind = "int"
    case 0xD8...0xFF, 0x38...0x3F, longInt, long: kind = "long"
    case 0x5B...0x5F, double: kind = "double"
    case dateMillis, dateMinutes: kind = "date"
    case 0x00...0x1F, 0x30...0x33, stringChunk, stringFinal: kind = "string"
    case 0x20...0x2F, 0x34...0x37, binaryChunk, binaryFinal: kind = "binary"
    case 0x55...0x58, 0x70...0x7F: kind = "list"
    case untypedMap, typedMap: kind = "map"
    case object, 0x60...0x6F: kind = "object"
    case classDefinition: kind = "class definition"
    case reference: kind = "reference"
    case end: kind = "end marker"
    default: kind = "invalid tag"
    }
    return "\(kind) (0x\(String(tag, radix: 16, uppercase: true)))"
  }
}
