import NIOCore

/// Hex helpers for byte-exact assertions.
enum Hex {
  /// Parses "DA BB 02" or "dabb02" into bytes.
  static func bytes(_ text: String) -> [UInt8] {
    let digits = text.filter { !$0.isWhitespace }
    var result: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
      let next = digits.index(index, offsetBy: 2)
      result.append(UInt8(digits[index..<next], radix: 16)!)
      index = next
    }
    return result
  }

  static func string(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
      let digits = String(byte, radix: 16, uppercase: true)
      return digits.count == 1 ? "0" + digits : digits
    }.joined(separator: " ")
  }
}
