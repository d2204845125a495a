/// What the java.time mappings share: the handle classes' package and Java's range checks.
///
/// hessian-lite replaces each java.time value by a "handle" object of package
/// `com.alibaba.com.caucho.hessian.io.java8` and rebuilds the value from it with the java.time
/// factory (`LocalDate.of`…), which rejects out-of-range fields. The handles are written by
/// hessian-lite's reflective serializer, so their fields come in reverse declaration order.
enum JavaTime {
  /// The definition of handle class `simpleName` with `fields` in wire order.
  static func handleClass(_ simpleName: String, fields: [String]) -> HessianClassDefinition {
    HessianClassDefinition(className: "com.alibaba.com.caucho.hessian.io.java8." + simpleName, fieldNames: fields)
  }

  /// `Year.MIN_VALUE...Year.MAX_VALUE`.
  static let years: ClosedRange<Int32> = -999_999_999...999_999_999
  static let months: ClosedRange<Int32> = 1...12
  static let nanosOfSecond: ClosedRange<Int32> = 0...999_999_999

  /// Throws unless `range` contains `value`.
  /// - Parameters:
  ///   - field: The field's name, for the message.
  ///   - type: The java.time class name, for the message.
  ///   - offset: The stream offset reported (0 when no stream is involved).
  static func require<Value: Comparable>(
    _ value: Value,
    in range: ClosedRange<Value>,
    _ field: String,
    of type: String,
    offset: Int
  ) throws {
    guard range.contains(value) else {
      throw HessianError(
        .invalidValue,
        "\(type) \(field) \(value) is outside \(range.lowerBound)...\(range.upperBound)",
        offset: offset
      )
    }
  }

  /// Throws unless `day` exists in `month` (1–12): of `year` when given, else of a leap year.
  static func requireDay(_ day: Int32, month: Int32, year: Int32?, of type: String, offset: Int) throws {
    let length: Int32
    switch month {
    case 2: length = year.map(isLeapYear) == false ? 28 : 29
    case 4, 6, 9, 11: length = 30
    default: length = 31
    }
    try require(day, in: 1...length, "day", of: type, offset: offset)
  }

  /// Whether `year` is a leap year of the proleptic ISO calendar.
  static func isLeapYear(_ year: Int32) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The error for a handle whose nested value is null or absent.
  static func missing(_ field: String, of className: String, offset: Int) -> HessianError {
    HessianError(.invalidValue, "\(className) without \(field)", offset: offset)
  }

  /// Writes a handle whose fields are `nanos` (int) then `seconds` (long): `InstantHandle` and
  /// `DurationHandle`.
  static func encodeSecondsAndNanos(
    _ seconds: Int64,
    _ nanos: Int32,
    as definition: HessianClassDefinition,
    to encoder: inout HessianEncoder
  ) {
    encoder.writeObjectHeader(definition)
    encoder.writeInt(nanos)
    encoder.writeLong(seconds)
  }

  /// Reads a handle written by ``encodeSecondsAndNanos(_:_:as:to:)``.
  static func decodeSecondsAndNanos(
    expecting definition: HessianClassDefinition,
    from decoder: inout HessianDecoder
  ) throws -> (seconds: Int64, nanos: Int32) {
    let header = try decoder.readObjectHeader(expecting: definition)
    var nanos: Int32 = 0
    var seconds: Int64 = 0
    for field in header.fieldIndexes {
      switch field {
      case 0: nanos = try decoder.decode(Int32.self)
      case 1: seconds = try decoder.decode(Int64.self)
      default: try decoder.skipValue()
      }
    }
    return (seconds, nanos)
  }
}
