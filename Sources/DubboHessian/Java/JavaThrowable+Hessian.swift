extension JavaThrowable: HessianCodable {
  /// The fields `java.lang.Throwable` declares, in the order hessian-lite writes them: its
  /// reflective serializer lists `detailMessage` and `cause` (types in `java.lang`) before the
  /// compound `stackTrace` and `suppressedExceptions`, then reverses the list.
  static let throwableFields = ["suppressedExceptions", "stackTrace", "cause", "detailMessage"]

  /// The definition reading matches fields against (the class name on the wire may be any).
  static let throwableClass = HessianClassDefinition(className: "java.lang.Throwable", fieldNames: throwableFields)

  /// Writes an object of class ``className`` with `Throwable`'s fields followed by
  /// ``additionalFields`` (where Java puts a subclass's primitive and `java.lang` fields, such as
  /// `RpcException.code`).
  ///
  /// `suppressedExceptions` is null when there are none and otherwise an `ArrayList`; `stackTrace`
  /// is a `[java.lang.StackTraceElement` array; `cause` is null when there is none (Java itself
  /// writes a reference to the exception; both read back as "no cause").
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(className: className, fieldNames: Self.throwableFields + additionalFields.map(\.name))
    if suppressed.isEmpty {
      encoder.writeNull()
    } else {
      encoder.writeList(suppressed)
    }
    encoder.writeList(stackTrace, type: "[java.lang.StackTraceElement")
    encoder.encode(cause)
    encoder.encode(message)
    for field in additionalFields { encoder.encode(field.value) }
  }

  /// Reads an exception object of any class.
  ///
  /// A `cause` that refers back to the exception itself (how Java writes "no cause") or is null
  /// reads as no cause. `stackTrace` and `suppressedExceptions` may be any list or null. Fields
  /// other than `Throwable`'s are kept in ``additionalFields``.
  public init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.throwableClass)
    self.init(className: decoder.className(of: header))
    for (position, field) in header.fieldIndexes.enumerated() {
      switch field {
      case 0: suppressed = try decoder.decode([JavaThrowable].self)
      case 1: stackTrace = try decoder.decode([JavaStackTraceElement].self)
      case 2:
        if try !decoder.consumeReference(to: header.referenceIndex) {
          cause = try decoder.decode(JavaThrowable?.self)
        }
      case 3: message = try decoder.decode(String?.self)
      default:
        additionalFields.append(
          HessianObject.Field(
            name: decoder.fieldNames(of: header)[position], value: try decoder.decode(HessianValue.self))
        )
      }
    }
  }
}
