/// The iteration order of a `java.util.HashMap` with string keys inserted in a given order.
///
/// A HashMap iterates its table bucket by bucket; a key's bucket is its spread `String.hashCode()`
/// masked by the table size, which starts at 16 and doubles whenever the count passes three
/// quarters of it. Keys of one bucket keep insertion order (Java only turns a bucket into a tree
/// past eight keys, more than attachments ever hold in one bucket).
enum JavaHashMapOrder {
  /// The positions of `keys` in iteration order.
  static func indices(of keys: some Collection<String>) -> [Int] {
    var tableSize = 16
    while keys.count > tableSize * 3 / 4 { tableSize *= 2 }
    let mask = UInt32(tableSize - 1)
    // The bucket in the high half and the position in the low half: sorting these numbers orders
    // by bucket, then by insertion.
    var order = keys.enumerated().map { position, key in
      let hash = UInt32(bitPattern: javaHashCode(key))
      return Int((hash ^ hash >> 16) & mask) << 32 | position
    }
    order.sort()
    for index in order.indices { order[index] &= 0xFFFF_FFFF }
    return order
  }

  /// Java's `String.hashCode()`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 units, wrapping.
  static func javaHashCode(_ string: String) -> Int32 {
    // An ASCII string's UTF-8 bytes are its UTF-16 units, and its bytes are the fastest to read.
    let ascii = string.utf8.withContiguousStorageIfAvailable { bytes -> Int32? in
      var hash: Int32 = 0
      for byte in bytes {
        guard byte < 0x80 else { return nil }
        hash = hash &* 31 &+ Int32(byte)
      }
      return hash
    }
    if let ascii, let hash = ascii { return hash }
    return string.utf16.reduce(Int32(0)) { $0 &* 31 &+ Int32($1) }
  }
}
