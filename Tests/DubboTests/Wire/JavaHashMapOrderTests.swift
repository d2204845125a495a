import Testing

@testable import Dubbo

@Suite struct JavaHashMapOrderTests {
  /// `String.hashCode()` = s[0]*31^(n-1) + ... + s[n-1] (32-bit wrapping), e.g. for "dubbo"
  /// (d=100, u=117, b=98, o=111): 100*923521 + 117*29791 + 98*961 + 98*31 + 111 = 95934974.
  @Test(arguments: [
    ("dubbo", Int32(95_934_974)),
    ("path", 3_433_509),  // 112*29791 + 97*961 + 116*31 + 104
    ("", 0),
    ("a", 97),
    ("timeout", -1_313_911_455),  // wraps past Int32.max
    ("é", 233),  // UTF-16 units, not UTF-8 bytes
    ("😀", 1_772_899),  // the surrogate pair D83D DE00: 0xD83D*31 + 0xDE00
  ])
  func javaHashCode(_ key: String, _ hash: Int32) {
    #expect(JavaHashMapOrder.javaHashCode(key) == hash)
  }

  /// `new HashMap<>()` (16 buckets) after put(path), put(interface), put(version), put(group),
  /// put(timeout). Bucket = (h ^ (h >>> 16)) & 15 with h = hashCode:
  ///   path      0x00346425 -> 0x00346411 -> 1
  ///   interface 0x1DF56D39 -> 0x1DF570CC -> 12
  ///   version   0x14F51CD8 -> 0x14F5082D -> 13
  ///   group     0x05E0F67F -> 0x05E0F39F -> 15
  ///   timeout   0xB1AF4D61 -> 0xB1AFFCCE -> 14
  /// so the map iterates path, interface, version, timeout, group.
  @Test func iteratesAttachmentKeysLikeJava() {
    let keys = ["path", "interface", "version", "group", "timeout"]
    #expect(
      JavaHashMapOrder.indices(of: keys).map { keys[$0] } == ["path", "interface", "version", "timeout", "group"])
  }

  /// "a" (97) and "path" both land in bucket 1: keys of one bucket keep insertion order.
  @Test func keysOfOneBucketKeepInsertionOrder() {
    #expect(JavaHashMapOrder.indices(of: ["path", "a"]) == [0, 1])
    #expect(JavaHashMapOrder.indices(of: ["a", "path"]) == [0, 1])
    #expect(JavaHashMapOrder.indices(of: ["timeout", "a", "path"]) == [1, 2, 0])
  }

  /// A 13th key makes Java resize the table to 32 buckets (threshold 0.75 * 16 = 12).
  @Test func resizesAfterTwelveKeys() {
    let twelve = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "p"]
    // 16 buckets: "p" (112 & 15 = 0) comes first, then 97...107 & 15 = 1...11.
    #expect(JavaHashMapOrder.indices(of: twelve) == [11] + Array(0..<11))
    let thirteen = twelve + ["l"]
    // 32 buckets: 97...108 & 31 = 1...12 and "p" 112 & 31 = 16 comes after "l" (108 & 31 = 12).
    #expect(JavaHashMapOrder.indices(of: thirteen) == Array(0..<11) + [12, 11])
  }

  @Test func attachmentsWriteInJavaOrder() {
    let attachments: DubboAttachments = ["timeout": "3000", "group": "g", "version": "1.0.0", "path": "p"]
    #expect(attachments.inJavaHashMapOrder.map { $0.key } == ["path", "version", "timeout", "group"])
  }
}
