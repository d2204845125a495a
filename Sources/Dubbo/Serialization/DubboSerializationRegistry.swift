/// The serializations a consumer or provider knows, by id and by name.
public struct DubboSerializationRegistry: Sendable {
  private var byID: [(any DubboSerialization)?] = Array(repeating: nil, count: 32)

  /// Creates a registry of the given serializations.
  public init(_ serializations: [any DubboSerialization]) {
    for serialization in serializations { register(serialization) }
  }

  /// hessian2 (2), fastjson (6) and protobuf (22), with Java's ids.
  public static let `default` = DubboSerializationRegistry([
    Hessian2Serialization(), FastjsonSerialization(), ProtobufSerialization(),
  ])

  /// The default registry plus dubbo-go's protobuf id: 21 read and written as protobuf (Java
  /// uses 21 for protobuf-json). Only for peers running dubbo-go's protobuf serializer.
  public static let dubboGoCompatible = DubboSerializationRegistry([
    Hessian2Serialization(), FastjsonSerialization(), ProtobufSerialization(),
    ProtobufSerialization(id: .protobufJSON),
  ])

  /// Adds a serialization; like Java, an id already taken keeps its first serialization.
  public mutating func register(_ serialization: any DubboSerialization) {
    let index = Int(serialization.id.rawValue & 0x1F)
    if byID[index] == nil { byID[index] = serialization }
  }

  /// The serialization with this id, if known.
  public func serialization(for id: DubboSerializationID) -> (any DubboSerialization)? {
    byID[Int(id.rawValue & 0x1F)]
  }

  /// The serialization with this Java extension name (`hessian2`, `fastjson`, `protobuf`), if known.
  public func serialization(named name: String) -> (any DubboSerialization)? {
    byID.lazy.compactMap { $0 }.first { $0.name == name }
  }
}
