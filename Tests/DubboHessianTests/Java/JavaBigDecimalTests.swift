import DubboHessian
import Foundation
import NIOCore
import Testing

@Suite struct JavaBigDecimalTests {
  @Test func encodesAsStringValueObject() throws {
    let bytes = encoded { $0.encode(try! JavaBigDecimal("12345.678900")) }
    let expected = javaClassDefinitionHex("java.math.BigDecimal", ["value"]) + " 60 " + javaStringHex("12345.678900")
    #expect(Hex.string(bytes) == expected)
  }

  @Test(arguments: ["12345.678900", "-1E+3", "0E-10", "+1", ".5", "1.", "-.5E-3", "1e2147483647", "1.5E+2147483647"])
  func roundTripsTheExactText(text: String) throws {
    let value = try JavaBigDecimal(text)
    #expect(value.text == text)
    #expect(value.description == text)
    #expect(try javaRoundTrip(value).text == text)
  }

  @Test(arguments: [
    "", "+", "-", ".", "e5", "1e", "1e+", "1.2.3", "0x1", " 1", "1 ", "1e5.0", "1e-2147483648", "١٢", "NaN",
  ])
  func rejectsTextJavaRejects(text: String) {
    #expect { try JavaBigDecimal(text) } throws: { isHessianError($0, .invalidValue) }
  }

  @Test func decodingInvalidTextIsAnInvalidValueAtTheObject() throws {
    var encoder = HessianEncoder()
    encoder.writeString("lead")
    let objectOffset = encoder.byteCount
    encoder.writeObjectHeader(JavaBigDecimal.hessianClass)
    encoder.writeString("1,5")
    var decoder = HessianDecoder(buffer: encoder.buffer)
    _ = try decoder.decode(String.self)
    #expect {
      try decoder.decode(JavaBigDecimal.self)
    } throws: { error in
      let error = error as? HessianError
      return error?.code == .invalidValue && error?.offset == objectOffset && error?.message.contains("1,5") == true
    }
  }

  @Test func nullValueIsAnInvalidValue() {
    #expect {
      try javaDecode(JavaBigDecimal.self) {
        $0.writeObjectHeader(JavaBigDecimal.hessianClass)
        $0.writeNull()
      }
    } throws: { isHessianError($0, .invalidValue) }
  }

  @Test func decodesWithUnknownExtraFields() throws {
    let value = try javaDecode(JavaBigDecimal.self) {
      $0.writeObjectHeader(HessianClassDefinition(className: "java.math.BigDecimal", fieldNames: ["scale", "value"]))
      $0.writeInt(2)
      $0.writeString("3.14")
    }
    #expect(value.text == "3.14")
  }

  @Test(arguments: [
    ("12345.678900", "12345.6789"), ("-1E+3", "-1000"), ("0.00", "0"), ("-0.000001234", "-0.000001234"),
    ("99999999999999999999999999999999999999", "99999999999999999999999999999999999999"),
    ("1" + String(repeating: "0", count: 60), "1" + String(repeating: "0", count: 60)),
    ("1E+127", "1" + String(repeating: "0", count: 127)),
    ("1E+150", "1" + String(repeating: "0", count: 150)),
    ("-1.5E-127", "-0." + String(repeating: "0", count: 126) + "15"),
  ])
  func convertsToDecimalExactly(text: String, decimal: String) throws {
    #expect(try JavaBigDecimal(text).decimalValue == Decimal(string: decimal))
  }

  @Test(arguments: [
    "123456789012345678901234567890123456789", "1E+200", "1E+166", "1E-200", "1E-129",
    "0." + String(repeating: "0", count: 130) + "1",
  ])
  func decimalIsNilWhenNotExact(text: String) throws {
    #expect(try JavaBigDecimal(text).decimalValue == nil)
  }

  @Test func convertsFromDecimal() throws {
    #expect(try JavaBigDecimal(Decimal(string: "-0.00012")!).text == "-0.00012")
    #expect(try JavaBigDecimal(Decimal(sign: .plus, exponent: 3, significand: 12)).text == "12000")
    #expect { try JavaBigDecimal(Decimal.nan) } throws: { isHessianError($0, .invalidValue) }
  }

  @Test func equalityComparesTheText() throws {
    #expect(try JavaBigDecimal("1.0") != JavaBigDecimal("1.00"))
    #expect(try JavaBigDecimal("1.0") == JavaBigDecimal("1.0"))
  }
}
