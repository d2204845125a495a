/// The ASCII test strings are written and read with.
enum ASCII {
  /// Whether none of the `count` bytes at `start` of `buffer` has its high bit set, tested eight
  /// bytes at a time: the last word overlaps the one before it, and fewer than eight bytes are read
  /// as one word with the bytes after them masked off when the buffer extends that far.
  static func isASCII(_ buffer: UnsafeRawBufferPointer, start: Int, count: Int) -> Bool {
    let wordSize = MemoryLayout<UInt64>.size
    var highBits: UInt64 = 0
    if count >= wordSize {
      var offset = start
      while offset + wordSize < start + count {
        highBits |= buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += wordSize
      }
      highBits |= buffer.loadUnaligned(fromByteOffset: start + count - wordSize, as: UInt64.self)
    } else if buffer.count - start >= wordSize {
      let word = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt64.self))
      highBits = word & ((1 << (UInt64(count) * 8)) &- 1)
    } else {
      for byte in buffer[start..<start + count] { highBits |= UInt64(byte) }
    }
    return highBits & 0x8080_8080_8080_8080 == 0
  }
}
