import DubboHessian
import Foundation

/// The Swift mirror of every case of the Java harness (Tests/InteropHarness/CASES.md): the values
/// as Swift values, typed wherever the Java type has a natural Swift type, `HessianValue` where the
/// case is about a Java-specific collection class or no Swift type fits.
enum InteropCases {
  /// All cases, in the harness's order.
  static let all: [InteropCase] =
    scalars + strings + binaries + arrays + collections + maps + objects + references + bigNumbers
    + exceptions + javaTime

  static func named(_ name: String) -> InteropCase? { all.first { $0.name == name } }

  // MARK: 1–6 scalars

  static let scalars: [InteropCase] = [
    InteropCase(1, "null", .identical, [.value(String?.none)]),
    InteropCase(2, "booleans", .identical, [.value(true), .value(false)]),
    InteropCase(
      3, "int-boundaries", .identical,
      [
        -16, 47, 48, -17, -2048, 2047, 2048, -2049, -262_144, 262_143, 262_144, -262_145, Int32.min, Int32.max, 0,
      ].map { InteropValue.value($0) }),
    InteropCase(
      4, "long-boundaries", .identical,
      [
        -8, 15, 16, -9, -2048, 2047, 2048, -2049, -262_144, 262_143, 262_144, -262_145, -2_147_483_648,
        2_147_483_647, 2_147_483_648, -2_147_483_649, Int64.min, Int64.max, 0,
      ].map { InteropValue.value(Int64($0)) }),
    InteropCase(
      5, "doubles", .identical,
      [
        0.0, 1.0, -1.0, 127.0, -128.0, 128.0, -129.0, 32767.0, -32768.0, 32768.0, 1.5, 0.001, 12.25, -0.5,
        3.141592653589793, 1e300, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
        Double(bitPattern: 0x7FF8_0000_0000_0000), .infinity, -.infinity, 2147483.647, 1e-10,
      ].map { InteropValue.double($0) }),
    InteropCase(
      6, "dates", .identical,
      [1_700_000_040_000, 1_700_000_012_345, 0, -1000].map { InteropValue.value(javaDate($0)) }),
  ]

  // MARK: 7–12 strings

  static let strings: [InteropCase] = [
    InteropCase(
      7, "string-lengths", .identical,
      ["", alphabet(1), alphabet(31), alphabet(32), alphabet(1023), alphabet(1024)].map { InteropValue.value($0) }),
    InteropCase(8, "string-65535", .identical, [.value(alphabet(65535))]),
    InteropCase(9, "string-65536", .identical, [.value(alphabet(65536))]),
    InteropCase(10, "string-100000", .identical, [.value(alphabet(100_000))]),
    InteropCase(
      11, "string-unicode", .identical,
      [
        .value("h\u{E9}llo w\u{F6}rld"),
        .value("\u{4F60}\u{597D}\u{FF0C}\u{4E16}\u{754C}"),
        .value("a\u{1F600}b\u{1D11E}"),
        .value("\u{0}x\u{FFFF}"),
      ]),
    InteropCase(
      12, "string-surrogate-at-chunk-boundary", .identical,
      [.value(String(repeating: "a", count: 32767) + "\u{1F600}" + String(repeating: "b", count: 100))]),
  ]

  // MARK: 13–15 binary

  static let binaries: [InteropCase] = [
    InteropCase(13, "binary-short", .identical, [0, 15, 16, 1023, 1024].map { InteropValue.value(bytes($0)) }),
    InteropCase(14, "binary-65535", .bufferChunking, [.value(bytes(65535))]),
    InteropCase(15, "binary-100000", .bufferChunking, [.value(bytes(100_000))]),
  ]

  // MARK: 16–26 Java arrays

  static let arrays: [InteropCase] = [
    InteropCase(16, "array-int", .identical, [.value(JavaList<Int32>("[int", [1, 2, 3]))]),
    InteropCase(17, "array-int-10", .identical, [.value(JavaList<Int32>("[int", Array(1...10)))]),
    InteropCase(18, "array-int-empty", .identical, [.value(JavaList<Int32>("[int", []))]),
    InteropCase(19, "array-long", .identical, [.value(JavaList<Int64>("[long", [1, -9, 4_294_967_296]))]),
    InteropCase(20, "array-double", .identical, [.value(JavaList<Double>("[double", [0.0, 1.5, -2.25, 1e300]))]),
    InteropCase(21, "array-boolean", .identical, [.value(JavaList<Bool>("[boolean", [true, false, true]))]),
    InteropCase(22, "array-string", .identical, [.value(JavaList<String>("[string", ["a", "b"]))]),
    // Object[] with mixed element types: no Swift element type fits.
    InteropCase(
      23, "array-object", .identical,
      [.value(HessianValue.list(HessianList(type: "[object", elements: [.int(1), .string("two"), .double(3), .null])))]
    ),
    InteropCase(
      24, "array-string-nested", .identical,
      [
        .value(
          JavaList<JavaList<String>>(
            "[[string", [JavaList("[string", ["a", "b"]), JavaList("[string", []), JavaList("[string", ["c"])]))
      ]),
    InteropCase(
      25, "array-user", .cauchoFieldOrder, [.value(JavaList<User>("[org.apache.dubbo.sample.User", [alice, bob]))]),
    InteropCase(
      26, "array-type-reuse", .identical,
      [.value(JavaList<Int32>("[int", [1, 2])), .value(JavaList<Int32>("[int", [3]))]),
  ]

  // MARK: 27–34 collections

  static let collections: [InteropCase] = [
    InteropCase(27, "list-int-3", .identical, [.value([Int32(1), 2, 3])]),
    InteropCase(28, "list-int-8", .identical, [.value(Array(Int32(0)..<8))]),
    InteropCase(29, "list-int-100", .identical, [.value(Array(Int32(0)..<100))]),
    InteropCase(30, "list-empty", .identical, [.value([Int32]())]),
    InteropCase(
      31, "linked-list", .identical,
      [.value(HessianValue.list(HessianList(type: "java.util.LinkedList", elements: [.string("a"), .string("b")])))]),
    InteropCase(32, "hash-set", .identical, [.value(Set(["only"]))]),
    InteropCase(
      33, "tree-set", .identical,
      [
        .value(
          HessianValue.list(
            HessianList(type: "java.util.TreeSet", elements: [.string("apple"), .string("banana"), .string("cherry")])))
      ]),
    InteropCase(
      34, "list-of-lists", .identical, [.value([[HessianValue.int(1), .int(2)], [.string("a")], []])]),
  ]

  // MARK: 35–40 maps

  static let maps: [InteropCase] = [
    InteropCase(35, "map-string-int", .identical, [.value(["one": Int32(1)])]),
    InteropCase(36, "map-empty", .identical, [.value([String: Int32]())]),
    InteropCase(
      37, "linked-hash-map", .identical,
      [.value(orderedMap("java.util.LinkedHashMap", [("z", .int(1)), ("a", .int(2)), ("m", .int(3))]))]),
    InteropCase(
      38, "tree-map", .identical,
      [.value(orderedMap("java.util.TreeMap", [("a", .string("1")), ("b", .string("2")), ("c", .string("3"))]))]),
    InteropCase(39, "map-int-key", .identical, [.value([Int32(1): "one"])]),
    InteropCase(40, "map-null-value", .identical, [.value(["key": String?.none])]),
  ]

  // MARK: 41–47 objects

  static let objects: [InteropCase] = [
    InteropCase(41, "user", .cauchoFieldOrder, [.value(alice)]),
    InteropCase(
      42, "user-list-100", .cauchoFieldOrder,
      [
        .value(
          (0..<100).map { index in
            User(
              id: "id-\(index)", name: "user-\(index)", age: Int32(index),
              created: javaDate(1_700_000_000_000 + Int64(index) * 1000))
          })
      ]),
    InteropCase(
      43, "order", .cauchoFieldOrder,
      [
        .value(
          Order(
            orderId: 9_007_199_254_740_993, buyer: alice,
            items: [Item(sku: "SKU-1", quantity: 2, price: 19.99), Item(sku: "SKU-2", quantity: 1, price: 5.5)],
            tags: ["channel": "web"], color: .blue, total: try! JavaBigDecimal("45.48")))
      ]),
    InteropCase(
      44, "boxed-fields", .cauchoFieldOrder,
      [
        .value(BoxedValues(count: 42, total: 1 << 40, ratio: 0.5, enabled: true)),
        .value(BoxedValues(count: nil, total: nil, ratio: nil, enabled: nil)),
      ]),
    InteropCase(45, "enum-single", .identical, [.value(Color.green)]),
    InteropCase(46, "enum-list", .identical, [.value([Color.red, .green, .red])]),
    InteropCase(
      47, "request-body", .cauchoFieldOrder,
      [
        .value("2.0.2"),
        .value("org.apache.dubbo.sample.UserService"),
        .value("0.0.0"),
        .value("getUsers"),
        .parameterTypes([.object("org.apache.dubbo.sample.User"), .object("org.apache.dubbo.sample.User")]),
        .value(alice),
        .value(bob),
        .value(["path": "org.apache.dubbo.sample.UserService"]),
      ]),
  ]

  // MARK: 48–52 shared instances and cycles

  static let references: [InteropCase] = [
    // ArrayList[u, u]: the list takes slot 0, u slot 1; the second element refers to slot 1.
    InteropCase(
      48, "shared-user-in-list", .cauchoFieldOrder,
      [
        .value([alice, alice]) { encoder in
          encoder.writeListHeader(count: 2)
          let slot = encoder.referenceCount
          encoder.encode(alice)
          encoder.writeReference(slot)
        }
      ]),
    // ArrayList[inner, inner]: the outer list takes slot 0, inner slot 1.
    InteropCase(
      49, "shared-list", .identical,
      [
        .value([[Int32(1), 2], [1, 2]]) { encoder in
          encoder.writeListHeader(count: 2)
          let slot = encoder.referenceCount
          encoder.encode([Int32(1), 2])
          encoder.writeReference(slot)
        }
      ]),
    // The same User as two values of the stream: the second is a reference to slot 0.
    InteropCase(
      50, "shared-user-across-values", .cauchoFieldOrder,
      [.value(alice), .value(alice) { $0.writeReference(0) }]),
    InteropCase(51, "node-self-cycle", .cauchoFieldOrder, [.value(Node(name: "self", next: .enclosing(slot: 0)))]),
    InteropCase(
      52, "node-two-cycle", .cauchoFieldOrder,
      [.value(Node(name: "a", next: .node(Node(name: "b", next: .enclosing(slot: 0)))))]),
  ]

  // MARK: 53–54 big numbers

  static let bigNumbers: [InteropCase] = [
    InteropCase(
      53, "big-decimal", .identical,
      ["12345.678900", "-1E+3", "0"].map { InteropValue.value(try! JavaBigDecimal($0)) }),
    InteropCase(
      54, "big-integer", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [.value(try! JavaBigInteger("12345678901234567890")), .value(JavaBigInteger(-1)), .value(JavaBigInteger(0))]),
  ]

  // MARK: 55–56 exceptions

  static let exceptions: [InteropCase] = [
    // The stack trace is the JVM's (harness methods InteropCases.exceptions, InteropCases.all,
    // HessianInterop.main); line numbers move with the harness source, so frames compare without them.
    InteropCase(
      55, "exception-runtime", .notReproducible,
      [
        .value(
          JavaThrowable(
            className: "java.lang.RuntimeException", message: "boom",
            stackTrace: [
              frame("org.apache.dubbo.swift.interop.InteropCases", "exceptions", "InteropCases.java", 229),
              frame("org.apache.dubbo.swift.interop.InteropCases", "all", "InteropCases.java", 57),
              frame("org.apache.dubbo.swift.interop.HessianInterop", "main", "HessianInterop.java", 33),
            ]),
          equals: { withoutLineNumbers($0) == withoutLineNumbers($1) })
      ]),
    InteropCase(
      56, "exception-with-cause", .notReproducible,
      [
        .value(
          JavaThrowable(
            className: "java.lang.IllegalStateException", message: "outer",
            cause: JavaThrowable(
              className: "java.lang.IllegalArgumentException", message: "inner",
              stackTrace: [frame("org.apache.dubbo.sample.UserService", "validate", "UserService.java", 42)]),
            stackTrace: [frame("org.apache.dubbo.sample.UserService", "getUser", "UserService.java", 17)]))
      ]),
  ]

  // MARK: 57–70 java.time

  // The harness writes each java.time value as hessian-lite's Handle object. The library's types
  // write hessian-lite field order only, so the F cases get their Caucho-order bytes by reversing
  // the fields of every object (see `CauchoOrderVariant.reversedObjectFields`).
  static let javaTime: [InteropCase] = [
    InteropCase(57, "java-time-local-date", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields, [.value(date)]),
    InteropCase(58, "java-time-local-time", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields, [.value(time)]),
    InteropCase(
      59, "java-time-local-date-time", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields, [.value(dateTime)]),
    InteropCase(
      60, "java-time-instant", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [.value(try! JavaInstant(seconds: 1_700_000_000, nanos: 123_456_789))]),
    InteropCase(
      61, "java-time-duration", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [.value(try! JavaDuration(seconds: 3661, nanos: 500))]),
    InteropCase(
      62, "java-time-period", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [.value(JavaPeriod(years: 1, months: 2, days: 3))]),
    InteropCase(63, "java-time-year", .identical, [.value(try! JavaYear(2024))]),
    InteropCase(
      64, "java-time-year-month", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [.value(try! JavaYearMonth(year: 2024, month: 2))]),
    InteropCase(
      65, "java-time-month-day", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [.value(try! JavaMonthDay(month: 12, day: 25))]),
    InteropCase(66, "java-time-zone-offset", .identical, [.value(try! JavaZoneOffset(totalSeconds: 28800))]),
    InteropCase(67, "java-time-zone-id", .identical, [.value(try! JavaZoneId("Asia/Shanghai"))]),
    InteropCase(
      68, "java-time-offset-date-time", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [.value(JavaOffsetDateTime(dateTime: dateTime, offset: try! JavaZoneOffset(totalSeconds: 28800)))]),
    InteropCase(
      69, "java-time-offset-time", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [.value(JavaOffsetTime(time: time, offset: try! JavaZoneOffset(totalSeconds: -18000)))]),
    InteropCase(
      70, "java-time-zoned-date-time", .cauchoFieldOrder, cauchoVariant: .reversedObjectFields,
      [
        .value(
          JavaZonedDateTime(
            dateTime: dateTime, offset: try! JavaZoneOffset(totalSeconds: 3600), zone: try! JavaZoneId("Europe/Paris")))
      ]),
  ]

  /// `LocalDate.of(2024, 1, 15)`.
  static let date = try! JavaLocalDate(year: 2024, month: 1, day: 15)
  /// `LocalTime.of(13, 45, 30, 123456789)`.
  static let time = try! JavaLocalTime(hour: 13, minute: 45, second: 30, nano: 123_456_789)
  /// `LocalDateTime.of(2024, 1, 15, 13, 45, 30, 123456789)`.
  static let dateTime = JavaLocalDateTime(date: date, time: time)

  // MARK: Shorthands of CASES.md

  /// `new User("u-1", "Alice", 30, Date(1700000040000L))` (a minute-aligned date).
  static let alice = User(id: "u-1", name: "Alice", age: 30, created: javaDate(1_700_000_040_000))
  /// `new User("u-2", "Bob", 25, Date(1700000012345L))`.
  static let bob = User(id: "u-2", name: "Bob", age: 25, created: javaDate(1_700_000_012_345))

  /// `new StackTraceElement(declaringClass, methodName, fileName, lineNumber)`.
  static func frame(
    _ declaringClass: String, _ methodName: String, _ fileName: String, _ lineNumber: Int32
  )
    -> JavaStackTraceElement
  {
    JavaStackTraceElement(
      declaringClass: declaringClass, methodName: methodName, fileName: fileName, lineNumber: lineNumber)
  }

  /// The exception with every frame's line number (and its causes' and suppressed exceptions')
  /// erased.
  static func withoutLineNumbers(_ throwable: JavaThrowable) -> JavaThrowable {
    var copy = throwable
    copy.stackTrace = copy.stackTrace.map { frame in
      var frame = frame
      frame.lineNumber = -1
      return frame
    }
    copy.cause = copy.cause.map(withoutLineNumbers)
    copy.suppressed = copy.suppressed.map(withoutLineNumbers)
    return copy
  }

  /// `new java.util.Date(milliseconds)`.
  static func javaDate(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: Double(milliseconds) / 1000)
  }

  /// `alphabet(n)`: `n` UTF-16 units, unit `i` being `'a' + i % 26`.
  static func alphabet(_ count: Int) -> String {
    String(String.UnicodeScalarView((0..<count).map { Unicode.Scalar(UInt8(97 + $0 % 26)) }))
  }

  /// `bytes(n)`: byte `i` is `i % 251`.
  static func bytes(_ count: Int) -> Data {
    Data((0..<count).map { UInt8($0 % 251) })
  }

  /// A typed map with its entries in iteration order, string keys.
  static func orderedMap(_ type: String, _ entries: [(String, HessianValue)]) -> HessianValue {
    .map(HessianMap(type: type, entries: entries.map { HessianMap.Entry(key: .string($0.0), value: $0.1) }))
  }
}
