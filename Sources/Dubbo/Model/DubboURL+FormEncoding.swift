extension DubboURL {
  /// Encodes text as Java's `URL.encode` does (`URLEncoder.encode(text, "UTF-8")`): letters,
  /// digits and `.-*_` stay, a space becomes `+`, every other UTF-8 byte becomes `%XX`.
  ///
  /// The registry names a provider's node by the encoded ``description``.
  public static func formEncode(_ text: String) -> String {
    var encoded = [UInt8]()
    encoded.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "*"),
        UInt8(ascii: "_"):
        encoded.append(byte)
      case UInt8(ascii: " "):
        encoded.append(UInt8(ascii: "+"))
      default:
        encoded.append(UInt8(ascii: "%"))
        encoded.append(hexDigits[Int(byte >> 4)])
        encoded.append(hexDigits[Int(byte & 0x0F)])
      }
    }
    return String(decoding: encoded, as: UTF8.self)
  }

  /// Decodes text as Java's `URL.decode` does (`URLDecoder.decode(text, "UTF-8")`): `+` becomes
  /// a space and `%XX` the byte it names.
  /// - Returns: `nil` when a `%` is not followed by two hex digits or the bytes are not UTF-8.
  public static func formDecode(_ text: String) -> String? {
    var decoded = [UInt8]()
    decoded.reserveCapacity(text.utf8.count)
    var bytes = text.utf8.makeIterator()
    while let byte = bytes.next() {
      switch byte {
      case UInt8(ascii: "+"):
        decoded.append(UInt8(ascii: " "))
      case UInt8(ascii: "%"):
        guard let high = bytes.next().flatMap(hexValue), let low = bytes.next().flatMap(hexValue) else { return nil }
        decoded.append(high << 4 | low)
      default:
        decoded.append(byte)
      }
    }
    return String(validating: decoded, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789ABCDEF".utf8)

  private static func hexValue(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
