import DubboHessian
import NIOCore
import Testing

@Suite struct JavaBigIntegerTests {
  static let fields = [
    "mag", "firstNonzeroIntNumPlusTwo", "lowestSetBitPlusTwo", "bitLengthPlusOne", "bitCountPlusOne", "signum",
  ]

  @Test func encodesLikeJDK17() {
    let bytes = encoded { $0.encode(JavaBigInteger(1)) }
    let expected =
      javaClassDefinitionHex("java.math.BigInteger", Self.fields) + " 60 71 " + javaStringHex("[int")
      + " 91 90 90 90 90 91"
    #expect(Hex.string(bytes) == expected)
  }

  @Test func magnitudeWordsAreSignedIntsMostSignificantFirst() throws {
    let value = try JavaBigInteger("-123456789012345678901234567890")
    #expect(value.signum == -1)
    // As Java holds it: 00000001 8EE90FF6 C373E0EE 4E3F0AD2.
    #expect(value.magnitude == [0x0000_0001, 0x8EE9_0FF6, 0xC373_E0EE, 0x4E3F_0AD2])
    let bytes = encoded { $0.encode(value) }
    let tail = "74 " + javaStringHex("[int") + " 91 49 8E E9 0F F6 49 C3 73 E0 EE 49 4E 3F 0A D2 90 90 90 90 8F"
    #expect(Hex.string(bytes).hasSuffix("60 " + tail))
  }

  @Test(arguments: [
    ("0", 0, [UInt32]()), ("-0", 0, []), ("+007", 1, [7]), ("4294967301", 1, [1, 5]),
    ("-2147483648", -1, [0x8000_0000]),
    ("18446744073709551615", 1, [0xFFFF_FFFF, 0xFFFF_FFFF]), ("1267650600228229401496703205376", 1, [16, 0, 0, 0]),
  ])
  func parsesDecimalText(text: String, signum: Int32, magnitude: [UInt32]) throws {
    let value = try JavaBigInteger(text)
    #expect(value.signum == signum)
    #expect(value.magnitude == magnitude)
  }

  @Test(arguments: [
    "0", "7", "-1", "4294967296", "-123456789012345678901234567890", "1267650600228229401496703205376",
    "999999999999999999999999999999999999999999999999999999999999999999999999999999",
  ])
  func decimalTextRoundTrips(text: String) throws {
    let value = try JavaBigInteger(text)
    #expect(value.description == text)
    #expect(try javaRoundTrip(value) == value)
  }

  @Test(arguments: ["", "-", "+", "12a", " 1", "1.0", "0x10", "١"])
  func rejectsNonDecimalText(text: String) {
    #expect { try JavaBigInteger(text) } throws: { isHessianError($0, .invalidValue) }
  }

  @Test(arguments: [Int64.min, Int64.min + 1, -4_294_967_296, -1, 0, 1, 4_294_967_295, Int64.max])
  func int64RoundTrips(value: Int64) throws {
    let big = JavaBigInteger(value)
    #expect(big.int64Value == value)
    #expect(big.description == String(value))
    #expect(try javaRoundTrip(big).int64Value == value)
  }

  @Test func int64ValueIsNilWhenTooLarge() throws {
    #expect(JavaBigInteger(UInt64.max).int64Value == nil)
    #expect(try JavaBigInteger("9223372036854775808").int64Value == nil)
    #expect(try JavaBigInteger("-9223372036854775809").int64Value == nil)
    #expect(try JavaBigInteger("-9223372036854775808").int64Value == .min)
  }

  @Test func literalsAndSignum() {
    let value: JavaBigInteger = -42
    #expect(value.signum == -1 && value.magnitude == [42])
    #expect(JavaBigInteger(0).signum == 0 && JavaBigInteger(0).magnitude.isEmpty)
  }

  @Test func decodesJDK8FieldNamesAndAnyOrder() throws {
    let value = try javaDecode(JavaBigInteger.self) {
      $0.writeObjectHeader(
        HessianClassDefinition(
          className: "java.math.BigInteger",
          fieldNames: ["signum", "firstNonzeroIntNum", "lowestSetBit", "bitLength", "bitCount", "mag"]
        )
      )
      $0.writeInt(-1)
      for _ in 0..<4 { $0.writeInt(-2) }
      $0.writeList([Int32(1), 5], type: "[int")
    }
    #expect(value.description == "-4294967301")
  }

  @Test func leadingZeroWordsAreDropped() throws {
    #expect(try JavaBigInteger(signum: 1, magnitude: [0, 0, 3]).magnitude == [3])
  }

  @Test(arguments: [(2, [1]), (1, []), (-1, [0, 0]), (0, [9])] as [(Int32, [UInt32])])
  func inconsistentSignumIsAnInvalidValue(signum: Int32, magnitude: [UInt32]) {
    #expect { try JavaBigInteger(signum: signum, magnitude: magnitude) } throws: { isHessianError($0, .invalidValue) }
    #expect {
      try javaDecode(JavaBigInteger.self) {
        $0.writeObjectHeader(HessianClassDefinition(className: "java.math.BigInteger", fieldNames: ["signum", "mag"]))
        $0.writeInt(signum)
        $0.writeList(magnitude.map { Int32(bitPattern: $0) }, type: "[int")
      }
    } throws: { isHessianError($0, .invalidValue) }
  }
}
