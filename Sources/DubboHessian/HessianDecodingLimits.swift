/// Bounds that a ``HessianDecoder`` enforces so that hostile input cannot exhaust memory or stack.
///
/// Lengths announced by the input (list counts, string and binary lengths) are also always checked
/// against the bytes actually present before anything is allocated.
public struct HessianDecodingLimits: Hashable, Sendable {
  /// The deepest nesting of lists, maps and objects accepted.
  public var maxDepth: Int
  /// The largest element count of one list, map or array.
  public var maxCollectionCount: Int
  /// The longest string, in UTF-16 code units.
  public var maxStringLength: Int
  /// The longest binary value, in bytes.
  public var maxBinaryLength: Int
  /// The most class definitions one stream may declare.
  public var maxClassDefinitions: Int
  /// The most fields one class definition may declare.
  public var maxFieldsPerClass: Int
  /// The most bytes that resolving back-references may read again in one stream.
  ///
  /// A reference (`0x51`) to an earlier value is decoded by reading that value again, so a chain of
  /// references to lists of references could expand exponentially; this caps the total work.
  public var maxReferenceExpansion: Int

  /// Creates limits.
  public init(
    maxDepth: Int = 128,
    maxCollectionCount: Int = 8 * 1024 * 1024,
    maxStringLength: Int = 8 * 1024 * 1024,
    maxBinaryLength: Int = 8 * 1024 * 1024,
    maxClassDefinitions: Int = 4096,
    maxFieldsPerClass: Int = 1024,
    maxReferenceExpansion: Int = 4 * 1024 * 1024
  ) {
    self.maxDepth = maxDepth
    self.maxCollectionCount = maxCollectionCount
    self.maxStringLength = maxStringLength
    self.maxBinaryLength = maxBinaryLength
    self.maxClassDefinitions = maxClassDefinitions
    self.maxFieldsPerClass = maxFieldsPerClass
    self.maxReferenceExpansion = maxReferenceExpansion
  }

  /// Limits matching Dubbo's default 8 MiB payload.
  public static let `default` = HessianDecodingLimits()
}
