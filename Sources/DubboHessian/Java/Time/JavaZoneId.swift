/// A `java.time.ZoneId` that names a region (`Europe/Paris`, `UTC`, `GMT+01:00`…).
///
/// On the wire it is hessian-lite's `ZoneIdHandle` with the string field `zoneId`. (A
/// `java.time.ZoneOffset` travels as ``JavaZoneOffset`` instead.) The id is checked against the
/// syntax `ZoneId.of` accepts; whether a region exists depends on the peer's time-zone database.
public struct JavaZoneId: HessianObjectCodable, Hashable, Sendable {
  /// The id, as `ZoneId.getId()` gives it.
  public let id: String

  /// Creates a zone id.
  /// - Throws: ``HessianError`` with code ``HessianError/Code/invalidValue`` (offset 0) when the
  ///   syntax is not one `ZoneId.of` accepts: an offset id (`Z`, `+01:00`…), `UTC`, `GMT` or `UT`
  ///   optionally followed by an offset, or a region id (an ASCII letter, then at least one of
  ///   letters, digits and `~/._+-`).
  public init(_ id: String) throws {
    try self.init(id, offset: 0)
  }

  init(_ id: String, offset: Int) throws {
    guard Self.isValid(id) else {
      throw HessianError(.invalidValue, "'\(id)' is not a valid zone id", offset: offset)
    }
    self.id = id
  }

  /// Whether `ZoneId.of` accepts the syntax of `id`, following its dispatch: offsets, then the
  /// `UTC`/`GMT`/`UT` prefixes, then region ids (`ZoneRegion.checkName`).
  private static func isValid(_ id: String) -> Bool {
    let bytes = Array(id.utf8)
    func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }
    if bytes.count <= 1 || isSign(bytes[0]) { return JavaZoneOffset.parse(id) != nil }
    let prefixLength = id.hasPrefix("UTC") || id.hasPrefix("GMT") ? 3 : (id.hasPrefix("UT") ? 2 : 0)
    if prefixLength > 0 {
      if bytes.count == prefixLength { return true }
      if isSign(bytes[prefixLength]) {
        return JavaZoneOffset.parse(String(decoding: bytes[prefixLength...], as: UTF8.self)) != nil
      }
    }
    func isLetter(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
    guard isLetter(bytes[0]) else { return false }
    return bytes.dropFirst().allSatisfy { byte in
      isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "~/._+-".utf8.contains(byte)
    }
  }

  /// `ZoneIdHandle` with its field `zoneId`.
  public static let hessianClass = JavaTime.handleClass("ZoneIdHandle", fields: ["zoneId"])

  /// Writes a `ZoneIdHandle`.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeString(id)
  }

  /// Reads a `ZoneIdHandle`.
  /// - Throws: ``HessianError/Code/invalidValue`` when the id is absent or not valid syntax.
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let (id, header) = try decoder.readSingleFieldObject(expecting: Self.hessianClass, as: String.self)
    guard let id else { throw JavaTime.missing("a zone id", of: decoder.className(of: header), offset: start) }
    try self.init(id, offset: start)
  }
}
