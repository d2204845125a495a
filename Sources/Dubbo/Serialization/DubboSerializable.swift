import DubboHessian
import Foundation
import SwiftProtobuf

/// A type that can travel as a Dubbo argument or result.
///
/// Each requirement is one serialization's form of the value. Conformances rarely write any of
/// them: a type that is ``HessianCodable`` gets the hessian2 form, a `SwiftProtobuf.Message` the
/// protobuf form and its proto3 JSON, a `Codable` type a JSON form; the forms a type has no basis
/// for throw ``DubboSerializationError``. So `extension User: DubboSerializable {}` is enough.
public protocol DubboSerializable: Sendable {
  /// Writes the value as one Hessian value.
  func encodeHessian(to encoder: inout HessianEncoder) throws
  /// Reads the value from one Hessian value.
  static func decodeHessian(from decoder: inout HessianDecoder) throws -> Self
  /// The serialized protobuf message.
  func encodeProtobuf() throws -> [UInt8]
  /// Reads the value from a serialized protobuf message.
  static func decodeProtobuf(_ bytes: [UInt8]) throws -> Self
  /// One JSON text, without a line break.
  func encodeJSON() throws -> [UInt8]
  /// Reads the value from one JSON text.
  static func decodeJSON(_ bytes: [UInt8]) throws -> Self
  /// The value standing for Java's `null`, or `nil` when the type has none (a null result then
  /// fails the call).
  static var javaNull: Self? { get }
  /// Whether this value is Java's `null` (a provider then answers with a null-result flag).
  var isJavaNull: Bool { get }
}

/// A value that has no form in the serialization a call uses.
public struct DubboSerializationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What could not be written or read.
  public var message: String

  /// Creates an error.
  public init(_ message: String) {
    self.message = message
  }

  static func unsupported(_ type: Any.Type, in serialization: String) -> DubboSerializationError {
    DubboSerializationError("\(type) cannot be written or read with the \(serialization) serialization")
  }

  /// The message.
  public var description: String { message }
}

extension DubboSerializable {
  /// Unsupported: throws ``DubboSerializationError``.
  public func encodeHessian(to encoder: inout HessianEncoder) throws {
    throw DubboSerializationError.unsupported(Self.self, in: "hessian2")
  }
  /// Unsupported: throws ``DubboSerializationError``.
  public static func decodeHessian(from decoder: inout HessianDecoder) throws -> Self {
    throw DubboSerializationError.unsupported(Self.self, in: "hessian2")
  }
  /// Unsupported: throws ``DubboSerializationError``.
  public func encodeProtobuf() throws -> [UInt8] {
    throw DubboSerializationError.unsupported(Self.self, in: "protobuf")
  }
  /// Unsupported: throws ``DubboSerializationError``.
  public static func decodeProtobuf(_ bytes: [UInt8]) throws -> Self {
    throw DubboSerializationError.unsupported(Self.self, in: "protobuf")
  }
  /// Unsupported: throws ``DubboSerializationError``.
  public func encodeJSON() throws -> [UInt8] {
    throw DubboSerializationError.unsupported(Self.self, in: "fastjson")
  }
  /// Unsupported: throws ``DubboSerializationError``.
  public static func decodeJSON(_ bytes: [UInt8]) throws -> Self {
    throw DubboSerializationError.unsupported(Self.self, in: "fastjson")
  }
  /// No null value.
  public static var javaNull: Self? { nil }
  /// Never null.
  public var isJavaNull: Bool { false }
}

extension DubboSerializable where Self: HessianCodable {
  /// Writes the value with its ``HessianEncodable`` conformance.
  @inlinable
  public func encodeHessian(to encoder: inout HessianEncoder) throws {
    encoder.encode(self)
  }
  /// Reads the value with its ``HessianDecodable`` conformance.
  @inlinable
  public static func decodeHessian(from decoder: inout HessianDecoder) throws -> Self {
    try decoder.decode(Self.self)
  }
}

extension DubboSerializable where Self: SwiftProtobuf.Message {
  /// The message's binary form.
  public func encodeProtobuf() throws -> [UInt8] {
    try serializedBytes()
  }
  /// Parses the message's binary form.
  public static func decodeProtobuf(_ bytes: [UInt8]) throws -> Self {
    try Self(serializedBytes: bytes)
  }
  /// The message's proto3 JSON form.
  public func encodeJSON() throws -> [UInt8] {
    try jsonUTF8Bytes()
  }
  /// Parses the message's proto3 JSON form, ignoring unknown fields as fastjson does.
  public static func decodeJSON(_ bytes: [UInt8]) throws -> Self {
    var options = JSONDecodingOptions()
    options.ignoreUnknownFields = true
    return try Self(jsonUTF8Bytes: bytes, options: options)
  }
}

extension DubboSerializable where Self: Codable {
  /// The value as JSON, with keys sorted as fastjson writes them.
  public func encodeJSON() throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .millisecondsSince1970
    return Array(try encoder.encode(self))
  }
  /// Reads the value from JSON; unknown keys are ignored.
  public static func decodeJSON(_ bytes: [UInt8]) throws -> Self {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .millisecondsSince1970
    return try decoder.decode(Self.self, from: Data(bytes))
  }
}
