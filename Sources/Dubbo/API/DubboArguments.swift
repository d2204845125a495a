/// The arguments of a method: written one value each, in parameter order, with no count (the
/// receiver knows how many from the method's parameter types).
public protocol DubboArguments: Sendable {
  /// Writes each argument.
  func write(to output: inout any DubboObjectOutput) throws
  /// Reads each argument.
  init(from input: inout any DubboObjectInput) throws
  /// The first argument as Java's `String.valueOf` prints it, which consistent-hash load
  /// balancing keys on; `nil` when there is none or it has no such text.
  var firstArgumentText: String? { get }
}

extension DubboArguments {
  /// No text: consistent hashing sends every call to the same provider.
  public var firstArgumentText: String? { nil }
}

/// A fixed list of argument values of the given types, for methods with parameters:
/// `DubboArgumentList<String, Int32>` for `(String, int)` (``DubboNoArguments`` for none).
public struct DubboArgumentList<each Value: DubboSerializable>: DubboArguments {
  /// The values, in parameter order.
  public var values: (repeat each Value)

  /// Creates the list.
  public init(_ values: repeat each Value) {
    self.values = (repeat each values)
  }

  /// Writes each value in order.
  public func write(to output: inout any DubboObjectOutput) throws {
    repeat try output.writeValue(each values)
  }

  /// Reads each value in order.
  public init(from input: inout any DubboObjectInput) throws {
    values = (repeat try input.readValue((each Value).self))
  }

  /// The first value's text: a string itself, `null` for an absent value, else its description.
  public var firstArgumentText: String? {
    for value in repeat each values {
      switch value as Any {
      case let text as String: return text
      case Optional<Any>.none: return "null"
      default: return String(describing: value)
      }
    }
    return nil
  }
}

/// The arguments of a method without parameters.
public struct DubboNoArguments: DubboArguments {
  /// Creates the empty argument list.
  public init() {}

  /// Writes nothing.
  public func write(to output: inout any DubboObjectOutput) throws {}

  /// Reads nothing.
  public init(from input: inout any DubboObjectInput) throws {}
}
