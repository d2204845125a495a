import Foundation
import NIOCore

/// Reads a Hessian 2 stream from a `ByteBuffer`.
///
/// One decoder is one stream: class definitions, types and reference slots declared by earlier
/// values stay visible to later ones, as in a Dubbo message body. Every read validates the input
/// and throws a ``HessianError`` on anything malformed, truncated or over ``limits``; nothing is
/// allocated for a length before the bytes backing it are known to be present.
///
/// A back-reference (`0x51`) to an earlier value is decoded by reading that earlier value again
/// from its position, so references cost nothing unless they are used and work for any target type.
public struct HessianDecoder: Sendable {
  /// The limits this decoder enforces.
  public let limits: HessianDecodingLimits

  /// The stream, read in place.
  @usableFromInline let input: HessianInput
  /// The index in `input` of the next byte to read.
  @usableFromInline var position = 0
  var classDefinitions: [WireClassDefinition] = []
  var types: [String] = []
  // The first slot is kept inline; a message with more usually has many, so the others start
  // with room for 32.
  @usableFromInline var referenceSlots = InlineFirstArray<ReferenceSlot>(restCapacity: 32)
  /// While re-reading a referenced value, the slot index its containers take, in order.
  @usableFromInline var replayCursor: Int?
  @usableFromInline var depth = 0
  var replayedBytes = 0
  /// Whether a class definition record is being read: its parts cannot hold another one.
  var isReadingClassDefinition = false

  /// A class definition as it appeared in the stream.
  struct WireClassDefinition: Sendable {
    var className: String
    var fieldNames: [String]
    /// The expected definition this class was last matched with, so that each class is matched
    /// by name once per stream.
    var matchedDefinition: HessianClassDefinition?
    /// How the fields map onto ``matchedDefinition``'s.
    var matchedFieldIndexes = HessianFieldIndexes(identityCount: 0)
  }

  /// Where a list, map or object that may be referenced later starts.
  @usableFromInline struct ReferenceSlot: Sendable {
    @usableFromInline var position: Int
    @usableFromInline var isComplete = false
    /// Whether the value is being read again for a reference: a reference met meanwhile to the
    /// same slot is a cycle.
    var isBeingReplayed = false

    init(position: Int) { self.position = position }
  }

  /// Creates a decoder reading the readable bytes of `buffer` in place (the buffer itself is not
  /// changed).
  public init(buffer: ByteBuffer, limits: HessianDecodingLimits = .default) {
    self.input = HessianInput(buffer)
    self.limits = limits
  }

  /// Creates a decoder reading `bytes`.
  public init(bytes: [UInt8], limits: HessianDecodingLimits = .default) {
    self.init(buffer: ByteBuffer(bytes: bytes), limits: limits)
  }

  /// Whether all input has been read.
  public var isAtEnd: Bool { position == input.count }

  /// How many bytes of input are left to read.
  public var remainingBytes: Int { input.count - position }

  /// The byte offset of the next read, from the start of the stream.
  public var offset: Int { position }

  func error(_ code: HessianError.Code, _ message: String) -> HessianError {
    HessianError(code, message, offset: offset)
  }

  /// Reads one value through its ``HessianDecodable`` conformance.
  ///
  /// Always decode nested values through this method (not `init(from:)` directly): it resolves
  /// back-references, enforces the nesting limit and records when a referenceable value is
  /// complete.
  @inlinable
  public mutating func decode<Value: HessianDecodable>(_ type: Value.Type = Value.self) throws -> Value {
    if Value.isHessianScalar { return try Value(from: &self) }
    // A class definition before the value is left for the value's reader, which can take one
    // that matches its expected definition without parsing it.
    if position >= input.count || input[position] == HessianTag.reference, let index = try consumeReferenceTag() {
      return try replayReference(index) { try $0.decode(Value.self) }
    }
    depth += 1
    defer { depth -= 1 }
    if depth > limits.maxDepth { throw depthLimitExceeded() }
    let firstSlot = referenceSlots.count
    let value = try Value(from: &self)
    if replayCursor == nil, referenceSlots.count > firstSlot {
      referenceSlots.update(firstSlot) { $0.isComplete = true }
    }
    return value
  }

  @usableFromInline
  func depthLimitExceeded() -> HessianError {
    error(.limitExceeded, "nesting deeper than \(limits.maxDepth) levels")
  }

  /// Reads `Q` and its index if a back-reference is next (after any class definitions).
  @usableFromInline
  mutating func consumeReferenceTag() throws -> Int? {
    try peekValueTag() == HessianTag.reference ? try readReferenceIndex() : nil
  }

  // MARK: Raw bytes

  func peekByte() -> UInt8? {
    position < input.count ? input[position] : nil
  }

  mutating func readByte() throws -> UInt8 {
    guard position < input.count else { throw truncated() }
    defer { position += 1 }
    return input[position]
  }

  /// Reads a big-endian integer.
  mutating func readFixed<Integer: FixedWidthInteger>(_ type: Integer.Type) throws -> Integer {
    guard input.count - position >= MemoryLayout<Integer>.size else { throw truncated() }
    return loadBigEndian(Integer.self)
  }

  /// Reads a big-endian integer whose bytes are known to be present.
  @inlinable
  mutating func loadBigEndian<Integer: FixedWidthInteger>(_ type: Integer.Type) -> Integer {
    let value = input.start.loadUnaligned(fromByteOffset: position, as: Integer.self)
    position += MemoryLayout<Integer>.size
    return Integer(bigEndian: value)
  }

  /// Reads `count` bytes.
  mutating func readBytes(count: Int) throws -> [UInt8] {
    guard input.count - position >= count else { throw truncated() }
    defer { position += count }
    return input.copy(position..<position + count)
  }

  @usableFromInline
  func truncated() -> HessianError {
    error(.truncated, "input ended inside a value")
  }

  /// The tag of the next value, after reading any class definitions that precede it.
  public mutating func peekValueTag() throws -> UInt8 {
    if position < input.count, input[position] != HessianTag.classDefinition { return input[position] }
    return try readClassDefinitionsBeforeValue()
  }

  @inline(never)
  private mutating func readClassDefinitionsBeforeValue() throws -> UInt8 {
    while true {
      guard let tag = peekByte() else { throw truncated() }
      guard tag == HessianTag.classDefinition else { return tag }
      guard !isReadingClassDefinition else {
        throw error(.invalidTag, "a class definition cannot appear inside another one")
      }
      position += 1
      try readClassDefinitionRecord()
    }
  }

  /// Consumes a `null` if one is next.
  /// - Returns: Whether a null was consumed.
  /// - Throws: ``HessianError/Code/truncated`` at the end of the input.
  @inlinable @inline(__always)
  public mutating func consumeNull() throws -> Bool {
    guard position < input.count else { throw truncated() }
    guard input[position] == HessianTag.null else { return false }
    position += 1
    return true
  }

  private mutating func readClassDefinitionRecord() throws {
    isReadingClassDefinition = true
    defer { isReadingClassDefinition = false }
    let className = try readString()
    let fieldCount = Int(try readInt())
    guard fieldCount >= 0, fieldCount <= limits.maxFieldsPerClass else {
      throw error(
        .limitExceeded, "class \(className) declares \(fieldCount) fields (limit \(limits.maxFieldsPerClass))")
    }
    guard fieldCount <= remainingBytes else { throw truncated() }
    var fieldNames: [String] = []
    fieldNames.reserveCapacity(fieldCount)
    for _ in 0..<fieldCount { fieldNames.append(try readString()) }
    // A referenced value being read again meets its class definitions again: they are known.
    guard replayCursor == nil else { return }
    guard classDefinitions.count < limits.maxClassDefinitions else {
      throw error(.limitExceeded, "more than \(limits.maxClassDefinitions) class definitions")
    }
    classDefinitions.append(WireClassDefinition(className: className, fieldNames: fieldNames))
  }

  // MARK: References

  /// Reads `Q` and its index.
  @usableFromInline
  mutating func readReferenceIndex() throws -> Int {
    position += 1
    let index = Int(try readInt())
    guard index >= 0, index < referenceSlots.count else {
      throw error(.invalidReference, "reference to value #\(index), but only \(referenceSlots.count) values precede it")
    }
    return index
  }

  /// Consumes a back-reference to reference slot `index` if one is next.
  ///
  /// Use it where Java writes a value that refers to its enclosing object, such as a Throwable's
  /// `cause` field, which points at the exception itself when there is no cause.
  /// - Returns: Whether such a reference was consumed.
  public mutating func consumeReference(to index: Int) throws -> Bool {
    guard try peekValueTag() == HessianTag.reference else { return false }
    let start = position
    if try readReferenceIndex() == index { return true }
    position = start
    return false
  }

  /// Takes the next reference slot for a list, map or object starting at `position`.
  mutating func reserveReferenceSlot(at position: Int) throws -> Int {
    if let cursor = replayCursor {
      guard cursor < referenceSlots.count, referenceSlots[cursor].position == position else {
        throw error(.invalidReference, "referenced value #\(cursor) does not read the same way twice")
      }
      replayCursor = cursor + 1
      return cursor
    }
    return appendReferenceSlot(at: position)
  }

  /// Takes a new reference slot for a value starting at `position`, outside of a replay.
  @inline(__always)
  mutating func appendReferenceSlot(at position: Int) -> Int {
    referenceSlots.append(ReferenceSlot(position: position))
    return referenceSlots.count - 1
  }

  /// Marks a referenceable value as fully read, so later references may re-read it.
  @usableFromInline
  mutating func completeReferenceSlot(_ index: Int) {
    if replayCursor == nil { referenceSlots.update(index) { $0.isComplete = true } }
  }

  /// Whether slot `index` is a value still being read, or being read again for a reference: a
  /// reference to it now is a cycle.
  func isInProgress(referenceSlot index: Int) -> Bool {
    !referenceSlots[index].isComplete || referenceSlots[index].isBeingReplayed
  }

  /// Reads the value of reference slot `index` again, from where it starts, with `body`.
  @usableFromInline
  mutating func replayReference<Value>(
    _ index: Int,
    _ body: (inout HessianDecoder) throws -> Value
  ) throws -> Value {
    let slot = referenceSlots[index]
    guard !isInProgress(referenceSlot: index) else {
      throw error(
        .invalidReference,
        "reference to value #\(index) while it is still being read: cyclic data cannot be decoded into this type"
      )
    }
    let resumePosition = position
    let outerCursor = replayCursor
    position = slot.position
    replayCursor = index
    referenceSlots.update(index) { $0.isBeingReplayed = true }
    defer {
      position = resumePosition
      replayCursor = outerCursor
      referenceSlots.update(index) { $0.isBeingReplayed = false }
    }
    let value = try body(&self)
    replayedBytes += position - slot.position
    guard replayedBytes <= limits.maxReferenceExpansion else {
      throw error(.limitExceeded, "references expand to more than \(limits.maxReferenceExpansion) bytes")
    }
    return value
  }
}
