/// A type that writes itself to a Hessian stream.
///
/// Conformances write exactly one Hessian value. Generated message types write an object of
/// their Java class (see ``HessianObjectCodable``); no reflection is involved.
public protocol HessianEncodable: Sendable {
  /// Writes this value as one Hessian value.
  func encode(to encoder: inout HessianEncoder)
}

/// A type that reads itself from a Hessian stream.
///
/// Do not call `init(from:)` directly: decode through ``HessianDecoder/decode(_:)``, which
/// resolves back-references and enforces the decoder's limits.
public protocol HessianDecodable: Sendable {
  /// Reads one Hessian value.
  /// - Throws: ``HessianError`` when the input is malformed or holds another kind of value.
  init(from decoder: inout HessianDecoder) throws

  /// Whether this type is always read from a scalar (number, boolean, string, binary, date, null):
  /// never from a list, map or object, so it takes no reference slot, cannot be the target of a
  /// back-reference and does not nest. ``HessianDecoder/decode(_:)`` then reads it directly.
  /// False unless a type says otherwise.
  static var isHessianScalar: Bool { get }
}

extension HessianDecodable {
  /// False: the type may be read from a list, map or object.
  @inlinable
  public static var isHessianScalar: Bool { false }
}

/// A type always read from a single scalar value (number, boolean, string, binary, date, null).
public protocol HessianScalarDecodable: HessianDecodable {}

extension HessianScalarDecodable {
  /// True: the type is read directly, without reference or nesting bookkeeping.
  @inlinable
  public static var isHessianScalar: Bool { true }
}

/// A type that both writes and reads itself as Hessian.
public typealias HessianCodable = HessianEncodable & HessianDecodable

/// A type that travels as an instance of a named Java class.
///
/// `encode(to:)` writes ``HessianEncoder/writeObjectHeader(_:)`` with ``hessianClass`` and then the
/// field values in the definition's order; `init(from:)` reads the header with
/// ``HessianDecoder/readObjectHeader(expecting:)`` and decodes each field by the index it maps to
/// (or, when ``HessianObjectHeader/hasExpectedFields``, reads the fields in the definition's order).
public protocol HessianObjectCodable: HessianCodable {
  /// The Java class name and the field order this type writes.
  static var hessianClass: HessianClassDefinition { get }
}

/// A Swift enum that travels as a Java enum constant: an object of the enum class whose one field
/// `name` holds the constant's name.
///
/// Conform a `String`-backed enum whose raw values are the Java constant names, with a
/// `hessianClass` made by ``HessianClassDefinition/init(javaEnum:)``; the coding is provided.
public protocol HessianJavaEnum: HessianObjectCodable, RawRepresentable where RawValue == String {}

extension HessianJavaEnum {
  /// Writes the constant (as a reference when already written in this stream, like Java).
  @inlinable
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeEnumConstant(rawValue, definition: Self.hessianClass)
  }

  /// Reads a constant by name, from an enum object or a plain string.
  /// - Throws: ``HessianError/Code/invalidValue`` for a name that is not a case of this enum.
  @inlinable
  public init(from decoder: inout HessianDecoder) throws {
    let start = decoder.offset
    let name = try decoder.readEnumConstantName(expecting: Self.hessianClass)
    guard let name, let value = Self(rawValue: name) else {
      throw HessianError(
        .invalidValue,
        "\(name.map { "'\($0)'" } ?? "a missing name") is not a constant of \(Self.hessianClass.className)",
        offset: start
      )
    }
    self = value
  }
}
