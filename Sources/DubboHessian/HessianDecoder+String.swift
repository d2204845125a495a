import NIOCore

extension HessianDecoder {
  /// Reads a Java `String`, joining chunks.
  ///
  /// Accepts what Java writes (each UTF-16 unit as 1–3 bytes, supplementary characters as
  /// surrogate pairs) and also standard 4-byte UTF-8. Invalid sequences and unpaired surrogates
  /// are a ``HessianError/Code/invalidUTF8`` error.
  public mutating func readString() throws -> String {
    // Only a `null` makes the result nil, and it is not accepted here.
    try readString(acceptingNull: false)!
  }

  /// Reads a Java `String`, or `nil` for a `null` when `acceptingNull`.
  @usableFromInline
  mutating func readString(acceptingNull: Bool) throws -> String? {
    // Sixteen bytes past the length are loaded as two words, whatever the string's length.
    if SmallASCIIString.isAvailable, input.count - position > 16 {
      let units = Int(input[position])
      if units <= SmallASCIIString.maxCount,
        let string = SmallASCIIString.make(
          low: UInt64(littleEndian: input.start.loadUnaligned(fromByteOffset: position + 1, as: UInt64.self)),
          high: UInt64(littleEndian: input.start.loadUnaligned(fromByteOffset: position + 9, as: UInt64.self)),
          count: units
        )
      {
        position += 1 + units
        return string
      }
    } else if let string = smallASCIIStringNearTheEnd() {
      return string
    }
    if position < input.count, input[position] <= HessianTag.stringDirectMax {
      let units = Int(input[position])
      if units < input.count - position, let ascii = asciiString(at: position + 1, count: units) {
        position += 1 + units
        return ascii
      }
    }
    return try readStringChunks(acceptingNull: acceptingNull)
  }

  /// Reads a short ASCII string that ends less than sixteen bytes before the end of the input (its
  /// bytes are copied into two words first), if one is next.
  @inline(never)
  private mutating func smallASCIIStringNearTheEnd() -> String? {
    guard SmallASCIIString.isAvailable, position < input.count else { return nil }
    let units = Int(input[position])
    guard units <= SmallASCIIString.maxCount, units < input.count - position else { return nil }
    var words: (low: UInt64, high: UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &words) {
      $0.copyMemory(from: UnsafeRawBufferPointer(start: input.start + position + 1, count: units))
    }
    guard
      let string = SmallASCIIString.make(
        low: UInt64(littleEndian: words.low), high: UInt64(littleEndian: words.high), count: units)
    else { return nil }
    position += 1 + units
    return string
  }

  /// Reads a string in any of its forms, chunked or not, ASCII or not.
  @inline(never)
  private mutating func readStringChunks(acceptingNull: Bool) throws -> String? {
    var utf8: [UInt8] = []
    var totalUnits = 0
    var pendingHighSurrogate: UInt16?
    while true {
      let start = offset
      let tag = try peekValueTag()
      position += 1
      if tag == HessianTag.null, acceptingNull, totalUnits == 0, utf8.isEmpty { return nil }
      let units: Int
      var isFinal = true
      switch tag {
      case 0x00...0x1F:
        units = Int(tag)
      case 0x30...0x33:
        units = Int(tag - HessianTag.stringShortZero) << 8 | Int(try readByte())
      case HessianTag.stringFinal:
        units = Int(try readFixed(UInt16.self))
      case HessianTag.stringChunk:
        units = Int(try readFixed(UInt16.self))
        isFinal = false
      default:
        let expected = totalUnits == 0 && utf8.isEmpty ? "a string" : "a string chunk"
        throw HessianError(.typeMismatch, "expected \(expected), found \(HessianTag.describe(tag))", offset: start)
      }
      totalUnits += units
      guard totalUnits <= limits.maxStringLength else {
        throw error(.limitExceeded, "string longer than \(limits.maxStringLength) characters")
      }
      guard units <= remainingBytes else { throw truncated() }
      if isFinal, utf8.isEmpty, pendingHighSurrogate == nil, let ascii = readASCII(units: units) {
        return ascii
      }
      try readUnits(units, into: &utf8, pendingHighSurrogate: &pendingHighSurrogate)
      if isFinal {
        guard pendingHighSurrogate == nil else {
          throw error(.invalidUTF8, "string ends with an unpaired high surrogate")
        }
        return String(decoding: utf8, as: UTF8.self)
      }
    }
  }

  /// Reads `units` bytes as a string if they are all ASCII (the common case), else nothing.
  private mutating func readASCII(units: Int) -> String? {
    guard let string = asciiString(at: position, count: units) else { return nil }
    position += units
    return string
  }

  /// The string of `count` bytes at `start` of the input if they are all ASCII.
  @inline(__always)
  private func asciiString(at start: Int, count: Int) -> String? {
    guard ASCII.isASCII(input.bytes, start: start, count: count) else { return nil }
    let bytes = UnsafeRawBufferPointer(start: input.start + start, count: count)
    // ASCII strings are built in place, without the validation pass of `String(decoding:)`.
    return String(unsafeUninitializedCapacity: count) {
      UnsafeMutableRawBufferPointer($0).copyMemory(from: bytes)
      return count
    }
  }

  /// Decodes `units` UTF-16 units of Java's modified UTF-8 and appends them as standard UTF-8.
  private mutating func readUnits(
    _ units: Int,
    into utf8: inout [UInt8],
    pendingHighSurrogate: inout UInt16?
  ) throws {
    let start = position
    var problem: (message: String, at: Int)?
    let consumed = input.withUnsafeBytes { all -> Int in
      let bytes = UnsafeRawBufferPointer(rebasing: all[start...])
      var index = 0
      var remaining = units
      func fail(_ message: String) -> Int {
        problem = (message, index)
        return index
      }
      while remaining > 0 {
        guard index < bytes.count else { return fail("truncated") }
        let lead = bytes[index]
        var unit: UInt32
        var length: Int
        switch lead {
        case ..<0x80:
          unit = UInt32(lead)
          length = 1
        case 0xC0..<0xE0:
          unit = UInt32(lead & 0x1F)
          length = 2
        case 0xE0..<0xF0:
          unit = UInt32(lead & 0x0F)
          length = 3
        case 0xF0..<0xF5:
          unit = UInt32(lead & 0x07)
          length = 4
        default:
          return fail("byte 0x\(String(lead, radix: 16)) cannot start a character")
        }
        guard index + length <= bytes.count else { return fail("truncated") }
        for continuation in bytes[(index + 1)..<(index + length)] {
          guard continuation & 0xC0 == 0x80 else { return fail("bad continuation byte in a character") }
          unit = unit << 6 | UInt32(continuation & 0x3F)
        }
        index += length
        if length == 4 {
          guard remaining >= 2, pendingHighSurrogate == nil, (0x10000...0x10FFFF).contains(unit) else {
            return fail("invalid 4-byte character")
          }
          remaining -= 2
          Self.appendScalar(unit, to: &utf8)
          continue
        }
        remaining -= 1
        switch unit {
        case 0xD800...0xDBFF:
          guard pendingHighSurrogate == nil else { return fail("two high surrogates in a row") }
          pendingHighSurrogate = UInt16(unit)
        case 0xDC00...0xDFFF:
          guard let high = pendingHighSurrogate else { return fail("low surrogate without a high surrogate") }
          pendingHighSurrogate = nil
          Self.appendScalar(0x10000 + ((UInt32(high) - 0xD800) << 10) + (unit - 0xDC00), to: &utf8)
        default:
          guard pendingHighSurrogate == nil else { return fail("high surrogate without a low surrogate") }
          Self.appendScalar(unit, to: &utf8)
        }
      }
      return index
    }
    if let problem {
      position = start + problem.at
      if problem.message == "truncated" { throw truncated() }
      throw error(.invalidUTF8, problem.message)
    }
    position += consumed
  }

  private static func appendScalar(_ scalar: UInt32, to utf8: inout [UInt8]) {
    switch scalar {
    case ..<0x80:
      utf8.append(UInt8(scalar))
    case ..<0x800:
      utf8.append(0xC0 | UInt8(scalar >> 6))
      utf8.append(0x80 | UInt8(scalar & 0x3F))
    case ..<0x10000:
      utf8.append(0xE0 | UInt8(scalar >> 12))
      utf8.append(0x80 | UInt8((scalar >> 6) & 0x3F))
      utf8.append(0x80 | UInt8(scalar & 0x3F))
    default:
      utf8.append(0xF0 | UInt8(scalar >> 18))
      utf8.append(0x80 | UInt8((scalar >> 12) & 0x3F))
      utf8.append(0x80 | UInt8((scalar >> 6) & 0x3F))
      utf8.append(0x80 | UInt8(scalar & 0x3F))
    }
  }
}
