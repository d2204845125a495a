/// The serialization id in the low five bits of a frame's flags byte.
///
/// The ids are Java Dubbo's (`org.apache.dubbo.common.serialize.Constants`); ids must be below 32.
public struct DubboSerializationID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The id on the wire.
  public var rawValue: UInt8

  /// Creates an id from its number.
  public init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  /// 2: `hessian2`, every Java version's default.
  public static let hessian2 = DubboSerializationID(rawValue: 2)
  /// 6: `fastjson`, one JSON text per line.
  public static let fastjson = DubboSerializationID(rawValue: 6)
  /// 21: Java's `protobuf-json`; dubbo-go's (unreleased) protobuf serialization used this id.
  public static let protobufJSON = DubboSerializationID(rawValue: 21)
  /// 22: `protobuf`, varint-delimited protobuf messages.
  public static let protobuf = DubboSerializationID(rawValue: 22)
  /// 23: `fastjson2`, the JSONB binary format of Java Dubbo 3.1 and later.
  public static let fastjson2 = DubboSerializationID(rawValue: 23)

  /// The number, as Java logs it.
  public var description: String { String(rawValue) }
}
