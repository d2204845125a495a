/// Strings of at most 15 ASCII characters in the form the Swift runtime stores them in line: two
/// 64-bit words holding the bytes, the last byte of the second word being the discriminator
/// `0xE0 | count` (immortal, small, ASCII), unused bytes zero.
///
/// Hessian strings are mostly short names and identifiers. Building them this way costs a few
/// instructions, where the standard library's initialisers copy through a closure and validate
/// the bytes again; reading one back gives its bytes without a call. The layout is the one the
/// compiler itself emits for short string literals; ``isAvailable`` checks it on this platform
/// before it is relied on, and every caller has a general path for when it is not.
@usableFromInline
enum SmallASCIIString {
  /// The longest string kept in line.
  @usableFromInline static let maxCount = 15

  /// Whether this platform stores short ASCII strings as described, checked on literals (which
  /// the optimiser folds to a constant).
  @inlinable
  static var isAvailable: Bool {
    #if _pointerBitWidth(_64) && _endian(little)
      MemoryLayout<String>.size == 16
        && words(of: "") == (0, 0xE0 << 56)
        && words(of: "abc") == (0x63_6261, 0xE3 << 56)
        && words(of: "0123456789ABCDE") == (0x3736_3534_3332_3130, 0xEF45_4443_4241_3938)
    #else
      false
    #endif
  }

  @inlinable
  static func words(of string: String) -> (UInt64, UInt64) {
    unsafeBitCast(string, to: (UInt64, UInt64).self)
  }

  /// The string of the `count` (at most 15) bytes that start `low` and continue in `high`, if
  /// they are all ASCII. Only bytes within `count` are looked at.
  @inline(__always)
  static func make(low: UInt64, high: UInt64, count: Int) -> String? {
    let low = count >= 8 ? low : low & ((1 << (UInt64(count) &* 8)) &- 1)
    let high = count <= 8 ? 0 : high & ((1 << (UInt64(count &- 8) &* 8)) &- 1)
    guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
    // Moved out of raw memory rather than cast, which would retain the new string.
    return withUnsafeTemporaryAllocation(byteCount: 16, alignment: 8) { memory in
      memory.storeBytes(of: low, as: UInt64.self)
      memory.storeBytes(of: high | UInt64(0xE0 | count) << 56, toByteOffset: 8, as: UInt64.self)
      return memory.baseAddress!.bindMemory(to: String.self, capacity: 1).move()
    }
  }

  /// The bytes of `string` (first eight in `low`, the rest in `high`) and their count, if it is
  /// held in line as at most 15 ASCII characters.
  @inlinable
  static func bytes(of string: String) -> (low: UInt64, high: UInt64, count: Int)? {
    let (low, high) = unsafeBitCast(string, to: (UInt64, UInt64).self)
    guard high >> 60 == 0xE else { return nil }
    return (low, high & 0x00FF_FFFF_FFFF_FFFF, Int(truncatingIfNeeded: high >> 56) & 0x0F)
  }
}
