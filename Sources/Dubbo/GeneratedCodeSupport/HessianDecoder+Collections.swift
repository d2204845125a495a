import DubboHessian

extension HessianDecoder {
  /// Reads a Hessian list with `element` reading each element; the list's Java type is ignored.
  public mutating func readList<Element>(_ element: (inout HessianDecoder) throws -> Element) throws -> [Element] {
    let header = try readListHeader()
    return try readListElements(header, element)
  }

  /// Reads a Hessian map with `entry` reading each key and value; a repeated key keeps its last
  /// value.
  public mutating func readMap<Key: Hashable, Value>(
    _ entry: (inout HessianDecoder) throws -> (Key, Value)
  ) throws -> [Key: Value] {
    var map: [Key: Value] = [:]
    let header = try readMapHeader()
    try readMapEntries(referenceIndex: header.referenceIndex) { decoder in
      let (key, value) = try entry(&decoder)
      map[key] = value
    }
    return map
  }
}
