/// An error raised while decoding Hessian 2 data.
///
/// Every malformed, truncated or over-limit input surfaces as a `HessianError` with a ``code``
/// that says what kind of problem it is, a readable ``message``, and the byte ``offset`` (from the
/// start of the stream) where the problem was found.
public struct HessianError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The kind of decoding problem.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private let name: String

    private init(_ name: String) { self.name = name }

    /// The input ended in the middle of a value.
    public static let truncated = Code("truncated")
    /// A byte that is not a valid Hessian tag at this position.
    public static let invalidTag = Code("invalid tag")
    /// A value of another kind than the one requested (for example a string where an int is needed).
    public static let typeMismatch = Code("type mismatch")
    /// String data that is not valid UTF-8 (or CESU-8), or a lone UTF-16 surrogate.
    public static let invalidUTF8 = Code("invalid UTF-8")
    /// A reference to a value, class definition or type that does not exist (yet).
    public static let invalidReference = Code("invalid reference")
    /// A decode limit (``HessianDecodingLimits``) was exceeded.
    public static let limitExceeded = Code("limit exceeded")
    /// A value that is well-formed Hessian but not a valid instance of the requested Java type.
    public static let invalidValue = Code("invalid value")

    /// The code's name, such as `truncated`.
    public var description: String { name }
  }

  /// What kind of problem this is.
  public var code: Code
  /// A readable explanation.
  public var message: String
  /// The byte offset in the stream where the problem was detected.
  public var offset: Int

  /// Creates an error.
  public init(_ code: Code, _ message: String, offset: Int) {
    self.code = code
    self.message = message
    self.offset = offset
  }

  /// The code, offset and message, as `Hessian truncated at byte 12: input ended inside a value`.
  public var description: String { "Hessian \(code) at byte \(offset): \(message)" }
}
