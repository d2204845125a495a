/// An array that keeps its first element inline, so that a decoder's reference slots allocate
/// nothing for a message with a single list, map or object.
@usableFromInline
struct InlineFirstArray<Element: Sendable>: Sendable {
  /// Element 0, when there is one.
  @usableFromInline var first: Element?
  /// The elements after the first.
  @usableFromInline var rest: [Element] = []
  /// The capacity `rest` takes when it gets its first element.
  @usableFromInline let restCapacity: Int

  /// How many elements there are.
  @usableFromInline var count = 0

  init(restCapacity: Int) {
    self.restCapacity = restCapacity
  }

  /// Element `index`, which must be below ``count``.
  @inlinable
  subscript(index: Int) -> Element {
    index == 0 ? first! : rest[index - 1]
  }

  /// Changes element `index` in place.
  @inlinable
  mutating func update(_ index: Int, _ change: (inout Element) -> Void) {
    if index == 0 { change(&first!) } else { change(&rest[index - 1]) }
  }

  /// Adds an element at the end.
  @inlinable
  mutating func append(_ element: Element) {
    if count == 0 {
      first = element
    } else {
      if count == 1 { rest.reserveCapacity(restCapacity) }
      rest.append(element)
    }
    count += 1
  }
}
