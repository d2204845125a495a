import NIOCore

extension HessianEncoder {
  /// Writes a Java `String`.
  ///
  /// The length is counted in UTF-16 code units and characters outside the Basic Multilingual
  /// Plane are written as two 3-byte surrogate sequences, as Java does. Strings longer than
  /// 32,768 units are split into chunks that never separate a surrogate pair.
  @inlinable
  public mutating func writeString(_ value: String) {
    if SmallASCIIString.isAvailable, let (low, high, count) = SmallASCIIString.bytes(of: value) {
      // The length byte and all sixteen bytes are stored; only the string's bytes are kept.
      write(maxLength: 17) {
        $0.storeBytes(of: UInt8(truncatingIfNeeded: count), as: UInt8.self)
        $0.storeBytes(of: low.littleEndian, toByteOffset: 1, as: UInt64.self)
        $0.storeBytes(of: high.littleEndian, toByteOffset: 9, as: UInt64.self)
        return 1 + count
      }
      return
    }
    writeLongerString(value)
  }

  /// Writes a string that is not held in line as short ASCII.
  @usableFromInline
  mutating func writeLongerString(_ value: String) {
    if value.utf8.withContiguousStorageIfAvailable({ writeString(utf8: $0) }) == nil {
      var contiguous = value
      contiguous.withUTF8 { writeString(utf8: $0) }
    }
  }

  private mutating func writeString(utf8: UnsafeBufferPointer<UInt8>) {
    // Tested for ASCII a word at a time; only other text is counted byte by byte.
    if ASCII.isASCII(UnsafeRawBufferPointer(utf8), start: 0, count: utf8.count) {
      writeASCII(utf8, units: utf8.count)
    } else {
      writeNonASCII(utf8, units: Self.utf16Count(utf8))
    }
  }

  /// The number of UTF-16 units of valid UTF-8: one per sequence, two for a 4-byte sequence.
  private static func utf16Count(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
    var units = utf8.count
    for byte in utf8 where byte >= 0x80 {
      if byte < 0xC0 {
        units -= 1
      } else if byte >= 0xF0 {
        units += 1
      }
    }
    return units
  }

  private static let chunkUnits = 0x8000

  private mutating func writeASCII(_ bytes: UnsafeBufferPointer<UInt8>, units: Int) {
    var start = 0
    while units - start > Self.chunkUnits {
      append(HessianTag.stringChunk, UInt16(Self.chunkUnits))
      append(contentsOf: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<start + Self.chunkUnits])))
      start += Self.chunkUnits
    }
    let length = units - start
    if length <= Int(HessianTag.stringDirectMax), let source = bytes.baseAddress.map({ $0 + start }) {
      write(maxLength: 1 + length) {
        $0.storeBytes(of: UInt8(length), as: UInt8.self)
        ($0 + 1).copyMemory(from: source, byteCount: length)
        return 1 + length
      }
      return
    }
    writeFinalStringHeader(units: length)
    append(contentsOf: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
  }

  private mutating func writeNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, units: Int) {
    var start = 0
    var remainingUnits = units
    while remainingUnits > Self.chunkUnits {
      let (end, chunkUnits) = Self.chunkEnd(bytes, from: start)
      append(HessianTag.stringChunk, UInt16(chunkUnits))
      writeJavaUTF8(UnsafeBufferPointer(rebasing: bytes[start..<end]))
      start = end
      remainingUnits -= chunkUnits
    }
    writeFinalStringHeader(units: remainingUnits)
    writeJavaUTF8(UnsafeBufferPointer(rebasing: bytes[start...]))
  }

  /// Finds where a chunk of at most 32,768 UTF-16 units starting at `start` ends, without splitting
  /// a supplementary character (Java shrinks such a chunk by one unit).
  private static func chunkEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, units: Int) {
    var index = start
    var units = 0
    while index < bytes.count {
      let lead = bytes[index]
      let (length, width) = UTF8Scalar.sizes(lead: lead)
      if units + width > chunkUnits { break }
      units += width
      index += length
    }
    return (index, units)
  }

  private mutating func writeFinalStringHeader(units: Int) {
    if units <= Int(HessianTag.stringDirectMax) {
      append(UInt8(units))
    } else if units <= HessianTag.stringShortMax {
      append(HessianTag.stringShortZero + UInt8(units >> 8), UInt8(truncatingIfNeeded: units))
    } else {
      append(HessianTag.stringFinal, UInt16(units))
    }
  }

  /// Writes valid UTF-8 with every 4-byte sequence rewritten as two 3-byte surrogate sequences.
  private mutating func writeJavaUTF8(_ bytes: UnsafeBufferPointer<UInt8>) {
    var runStart = 0
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      guard lead >= 0xF0 else {
        index += UTF8Scalar.sizes(lead: lead).length
        continue
      }
      append(contentsOf: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<index])))
      let scalar =
        (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
        | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
      let offset = scalar - 0x10000
      writeThreeByteUnit(UInt16(0xD800 + (offset >> 10)))
      writeThreeByteUnit(UInt16(0xDC00 + (offset & 0x3FF)))
      index += 4
      runStart = index
    }
    append(contentsOf: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])))
  }

  private mutating func writeThreeByteUnit(_ unit: UInt16) {
    append(UInt8(0xE0 | (unit >> 12)), UInt8(0x80 | ((unit >> 6) & 0x3F)))
    append(UInt8(0x80 | (unit & 0x3F)))
  }
}

/// Sizes of a UTF-8 sequence from its lead byte, for well-formed input.
enum UTF8Scalar {
  /// The sequence length in bytes and its width in UTF-16 units.
  static func sizes(lead: UInt8) -> (length: Int, width: Int) {
    switch lead {
    case ..<0x80: (1, 1)
    case ..<0xE0: (2, 1)
    case ..<0xF0: (3, 1)
    default: (4, 2)
    }
  }
}
