/// Parses `host:port`.
public func parseAddress(_ text: String) -> (host: String, port: Int)? {
  guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else { return nil }
  return (String(text[..<colon]), port)
}
