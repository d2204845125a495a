import DubboHessian

extension HessianEncoder {
  /// Writes a Java `char`: a string of one UTF-16 unit, with empty text as Java's default
  /// `'\u0000'`; longer text is recorded with ``HessianEncoder/fail(_:)``.
  public mutating func writeJavaChar(_ text: String) {
    switch text.utf16.count {
    case 0: writeString("\u{0}")
    case 1: writeString(text)
    default: fail("'\(text)' is not one Java char (one UTF-16 unit)")
    }
  }
}

extension HessianDecoder {
  /// Reads a Java `char`; `'\u0000'` reads as empty text, as written by
  /// ``HessianEncoder/writeJavaChar(_:)``.
  public mutating func readJavaChar() throws -> String {
    let text = try decode(String.self)
    return text == "\u{0}" ? "" : text
  }
}
