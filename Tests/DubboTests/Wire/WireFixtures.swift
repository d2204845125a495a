import DubboHessian
import NIOCore

/// Helpers shared by the wire tests.
enum WireFixtures {
  /// Bytes from hex text; spaces and line breaks are ignored (`"DA BB C2"`).
  static func bytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.filter { !$0.isWhitespace })
    precondition(digits.count.isMultiple(of: 2), "odd number of hex digits in \(hex)")
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
  }

  /// The UTF-8 bytes of `text`.
  static func utf8(_ text: String) -> [UInt8] {
    Array(text.utf8)
  }

  /// A short Hessian string (0–31 ASCII characters): the length byte, then the characters.
  static func hessianShortString(_ text: String) -> [UInt8] {
    precondition(text.utf8.count < 32 && text.allSatisfy(\.isASCII))
    return [UInt8(text.utf8.count)] + utf8(text)
  }

  /// A medium Hessian string (32–1023 ASCII characters): `30+hi lo`, then the characters.
  static func hessianMediumString(_ text: String) -> [UInt8] {
    let count = text.utf8.count
    precondition((32...1023).contains(count) && text.allSatisfy(\.isASCII))
    return [0x30 + UInt8(count >> 8), UInt8(count & 0xFF)] + utf8(text)
  }

  /// A buffer holding `bytes`.
  static func buffer(_ bytes: [UInt8]) -> ByteBuffer {
    ByteBuffer(bytes: bytes)
  }

  /// The readable bytes of `buffer`.
  static func array(_ buffer: ByteBuffer) -> [UInt8] {
    Array(buffer.readableBytesView)
  }

  /// The 16 header bytes of a frame, laid out by hand from WIRE.md §1.1.
  static func header(flags: UInt8, status: UInt8 = 0, id: Int64, length: Int32) -> [UInt8] {
    var bytes: [UInt8] = [0xDA, 0xBB, flags, status]
    bytes += withUnsafeBytes(of: id.bigEndian, Array.init)
    bytes += withUnsafeBytes(of: length.bigEndian, Array.init)
    return bytes
  }
}
