/// Arithmetic on unsigned magnitudes held as Java's `BigInteger.mag` holds them: 32-bit words,
/// most significant first, without leading zero words (zero is no words).
enum JavaMagnitude {
  /// The largest power of ten that fits a word, and its number of zeros.
  private static let decimalChunk: UInt64 = 1_000_000_000
  private static let decimalChunkDigits = 9

  /// `words` without its leading zero words.
  static func trimmed(_ words: some Collection<UInt32>) -> [UInt32] {
    Array(words.drop { $0 == 0 })
  }

  /// The magnitude of an integer of any width.
  static func words(of value: some BinaryInteger) -> [UInt32] {
    var words: [UInt32] = []
    for word in value.magnitude.words {
      var remaining = UInt64(word)
      for _ in 0..<(UInt.bitWidth / 32) {
        words.append(UInt32(truncatingIfNeeded: remaining))
        remaining >>= 32
      }
    }
    return trimmed(words.reversed())
  }

  /// Parses decimal digits (values 0–9, most significant first).
  static func words(decimalDigits digits: [UInt8]) -> [UInt32] {
    var words: [UInt32] = []
    var start = 0
    var chunkLength = digits.count % decimalChunkDigits
    if chunkLength == 0 { chunkLength = decimalChunkDigits }
    while start < digits.count {
      let chunk = digits[start..<(start + chunkLength)].reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
      multiply(&words, by: pow10(chunkLength), adding: chunk)
      start += chunkLength
      chunkLength = decimalChunkDigits
    }
    return trimmed(words)
  }

  /// The decimal digits of a magnitude ("0" for zero).
  static func decimalString(_ words: [UInt32]) -> String {
    var quotient = words
    var chunks: [UInt64] = []
    while !quotient.isEmpty {
      var remainder: UInt64 = 0
      for index in quotient.indices {
        let current = remainder << 32 | UInt64(quotient[index])
        quotient[index] = UInt32(current / decimalChunk)
        remainder = current % decimalChunk
      }
      chunks.append(remainder)
      quotient = trimmed(quotient)
    }
    guard let mostSignificant = chunks.popLast() else { return "0" }
    var text = String(mostSignificant)
    for chunk in chunks.reversed() {
      let digits = String(chunk)
      text += String(repeating: "0", count: decimalChunkDigits - digits.count) + digits
    }
    return text
  }

  /// `words = words × factor + addend`, for `factor` and `addend` below 2^32.
  private static func multiply(_ words: inout [UInt32], by factor: UInt64, adding addend: UInt64) {
    var carry = addend
    for index in words.indices.reversed() {
      let product = UInt64(words[index]) * factor + carry
      words[index] = UInt32(truncatingIfNeeded: product)
      carry = product >> 32
    }
    if carry > 0 { words.insert(UInt32(carry), at: 0) }
  }

  private static func pow10(_ exponent: Int) -> UInt64 {
    (0..<exponent).reduce(1) { result, _ in result * 10 }
  }
}
