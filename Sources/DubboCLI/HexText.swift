/// Hex text: two digits a byte, whitespace ignored when reading.
enum HexText {
  /// Parses hex digits, ignoring whitespace.
  /// - Throws: ``CommandFailure`` naming the first character that is not a hex digit, or an odd
  ///   digit count.
  static func bytes(_ text: [UInt8]) throws -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.count / 2)
    var high: UInt8?
    var line = 1
    var column = 0
    for character in text {
      column += 1
      if character == UInt8(ascii: "\n") {
        line += 1
        column = 0
        continue
      }
      if character == 0x20 || character == 0x09 || character == 0x0D { continue }
      guard let digit = digit(character) else {
        let shown =
          character >= 0x21 && character < 0x7F
          ? "'\(Character(Unicode.Scalar(character)))'" : "byte 0x\(String(character, radix: 16, uppercase: true))"
        throw CommandFailure("hex input, line \(line), column \(column): \(shown) is not a hex digit")
      }
      if let pending = high {
        bytes.append(pending << 4 | digit)
        high = nil
      } else {
        high = digit
      }
    }
    guard high == nil else { throw CommandFailure("hex input has an odd number of digits") }
    return bytes
  }

  /// Uppercase hex, 16 bytes a line separated by spaces, with a final newline (none when empty).
  static func text(_ bytes: [UInt8]) -> String {
    var lines: [String] = []
    var index = 0
    while index < bytes.count {
      let line = bytes[index..<min(index + 16, bytes.count)]
      lines.append(
        line.map { byte in
          let hex = String(byte, radix: 16, uppercase: true)
          return hex.count == 1 ? "0" + hex : hex
        }.joined(separator: " "))
      index += 16
    }
    return lines.map { $0 + "\n" }.joined()
  }

  private static func digit(_ character: UInt8) -> UInt8? {
    switch character {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
