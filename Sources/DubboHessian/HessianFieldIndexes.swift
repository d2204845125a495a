/// For each field of an object on the wire, in order, the index of the field with the same name
/// in the definition the reader expects, or -1 when it has no such field (skip the value).
///
/// When the stream declares exactly the expected fields in the expected order (what a peer with
/// the same class writes), the indexes are `0..<count` and no table is kept.
public struct HessianFieldIndexes: RandomAccessCollection, Sendable {
  /// The index of each wire field, or `nil` when wire field `i` is expected field `i`.
  @usableFromInline let table: [Int]?
  /// The number of fields on the wire.
  public let endIndex: Int

  /// Fields matched by the given table.
  init(_ table: [Int]) {
    self.table = table
    self.endIndex = table.count
  }

  /// `count` fields, each at its own index in the expected definition.
  init(identityCount count: Int) {
    self.table = nil
    self.endIndex = count
  }

  /// Zero.
  @inlinable public var startIndex: Int { 0 }

  /// Iterates the indexes without the checks of a subscript call per field.
  @inlinable
  public func makeIterator() -> Iterator {
    Iterator(table: table, endIndex: endIndex)
  }

  /// The indexes in wire order.
  public struct Iterator: IteratorProtocol, Sendable {
    @usableFromInline let table: [Int]?
    @usableFromInline let endIndex: Int
    @usableFromInline var position = 0

    @inlinable
    init(table: [Int]?, endIndex: Int) {
      self.table = table
      self.endIndex = endIndex
    }

    /// The next field's index in the expected definition (-1 for a field it lacks).
    @inlinable
    public mutating func next() -> Int? {
      guard position < endIndex else { return nil }
      defer { position += 1 }
      return table?[position] ?? position
    }
  }

  /// The expected definition's index for wire field `position`, or -1.
  @inlinable
  public subscript(position: Int) -> Int {
    if let table { return table[position] }
    precondition(position >= 0 && position < endIndex, "field position out of range")
    return position
  }
}
