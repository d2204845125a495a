import DubboHessian
import NIOCore
import Testing

@testable import DubboCLI

/// Hessian bytes → JSON → Hessian bytes gives back the same bytes, for every kind of value.
@Suite struct RoundTripTests {
  private func expectRoundTrip(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let json = try decodeToJSON(bytes)
    let back = try encodeFromJSON(json)
    #expect(Hex.string(back) == Hex.string(bytes), "JSON was:\n\(json)", sourceLocation: sourceLocation)
  }

  @Test func dubboRequestBodyExample() throws {
    let bytes = try Repository.example("dubbo-request-body.bin")
    #expect(bytes.count == 195)  // the header's body length in WIRE.md section 11
    try expectRoundTrip(bytes)
  }

  @Test func userExample() throws {
    let bytes = try Repository.example("user.bin")
    try expectRoundTrip(bytes)
    let json = try decodeToJSON(bytes, stream: false)
    #expect(json.contains(#""$class": "com.foo.User""#))
    #expect(json.hasSuffix("{\"$ref\": 1}\n]"))
    #expect(try encodeFromJSON(json, stream: false) == bytes)
  }

  @Test func scalarsInEveryWireForm() throws {
    let ints: [Int32] = [0, -16, 47, 48, -2048, 2047, 2048, -262_144, 262_143, 262_144, .min, .max]
    let longs: [Int64] = [
      0, -8, 15, 16, -2048, 2047, 2048, -262_144, 262_143, 262_144, Int64(Int32.max) + 1, .min, .max,
    ]
    let doubles: [Double] = [
      0, -0.0, 1, -1, 127, -128, 128, 32767, -32768, 32768, 1.5, 0.001, -2.25, 3.141592653589793, 1e300,
      .leastNonzeroMagnitude,
      .infinity, -.infinity, .nan, Double(bitPattern: 0x7FF0_0000_0000_0001), .greatestFiniteMagnitude,
    ]
    let bytes = encoded { encoder in
      encoder.writeNull()
      encoder.writeBool(true)
      encoder.writeBool(false)
      for value in ints { encoder.writeInt(value) }
      for value in longs { encoder.writeLong(value) }
      for value in doubles { encoder.writeDouble(value) }
      for milliseconds: Int64 in [0, 1_700_000_000_000, 1_700_000_100_000, -1, .min, .max, 253_402_300_800_000] {
        encoder.writeDate(millisecondsSince1970: milliseconds)
      }
    }
    try expectRoundTrip(bytes)
  }

  @Test func stringsOfEveryLengthForm() throws {
    let long = String(repeating: "ab😀", count: 30_000)  // chunked, with pairs at chunk boundaries
    let strings = [
      "", "a", String(repeating: "x", count: 31), String(repeating: "x", count: 32),
      String(repeating: "é", count: 1023),
      String(repeating: "中", count: 1024), String(repeating: "y", count: 65_535), long, "😀𝄞", "\u{0}\n\"\\\u{2028}",
      String(repeating: "z", count: 32_767) + "😀",
    ]
    try expectRoundTrip(encoded { encoder in for string in strings { encoder.writeString(string) } })
  }

  @Test func binariesOfEveryLengthForm() throws {
    let lengths = [0, 15, 16, 1023, 1024, 65_535, 65_536, 200_000]
    try expectRoundTrip(
      encoded { encoder in
        for length in lengths { encoder.writeBinary((0..<length).map { UInt8(truncatingIfNeeded: $0 * 7) }) }
      }
    )
  }

  @Test func listsMapsAndTypeReferences() throws {
    let bytes = encoded { encoder in
      encoder.writeList([Int32](1...3), type: "[int")
      encoder.writeList([Int32](1...20), type: "[int")  // the type again, now by index
      encoder.writeList([String](), type: "[string")
      encoder.writeList(["a", "b", "c", "d", "e", "f", "g", "h"])
      encoder.writeMapHeader(type: "java.util.LinkedHashMap")
      encoder.writeInt(1)
      encoder.writeString("one")
      encoder.writeLong(2)
      encoder.writeNull()
      encoder.writeEnd()
      encoder.writeMapHeader(type: "java.util.LinkedHashMap")
      encoder.writeString("a")
      encoder.writeMapHeader()
      encoder.writeEnd()
      encoder.writeEnd()
      encoder.writeMapHeader()
      encoder.writeString("k")
      encoder.writeInt(1)
      encoder.writeString("k")
      encoder.writeInt(2)
      encoder.writeEnd()
    }
    try expectRoundTrip(bytes)
  }

  @Test func objectsClassDefinitionsAndReferences() throws {
    let user = HessianClassDefinition(className: "com.foo.User", fieldNames: ["age", "name", "$jacocoData"])
    let color = HessianClassDefinition(className: "com.foo.Color", fieldNames: ["name"])
    let bytes = encoded { encoder in
      encoder.writeListHeader(count: 4)  // slot 0
      encoder.writeObjectHeader(user)  // slot 1
      encoder.writeInt(30)
      encoder.writeString("Ann")
      encoder.writeNull()
      encoder.writeObjectHeader(user)  // slot 2, the definition by index
      encoder.writeInt(31)
      encoder.writeReference(2)  // a cycle: the object itself
      encoder.writeNull()
      encoder.writeReference(1)
      encoder.writeReference(0)
      encoder.writeEnumConstant("RED", definition: color)  // slot 3
      encoder.writeEnumConstant("RED", definition: color)  // a reference to slot 3
      // More than 16 class definitions: instances of the 17th and later use `O` + index.
      for index in 0..<20 {
        encoder.writeObjectHeader(HessianClassDefinition(className: "C\(index)", fieldNames: ["f"]))
        encoder.writeInt(Int32(index))
      }
    }
    try expectRoundTrip(bytes)
    let json = try decodeToJSON(bytes)
    #expect(json.contains(#""$$jacocoData": null"#))
    #expect(json.contains(#""name": {"$ref": 2}"#))
  }

  @Test func dubboResponseExample() throws {
    // WIRE.md section 11: RESPONSE_VALUE_WITH_ATTACHMENTS, "Hello world", {"dubbo": "2.0.2"}.
    let bytes = Hex.bytes("94 0B 48 65 6C 6C 6F 20 77 6F 72 6C 64 48 05 64 75 62 62 6F 05 32 2E 30 2E 32 5A")
    try expectRoundTrip(bytes)
    #expect(
      try decodeToJSON(bytes) == """
        [
          4,
          "Hello world",
          {
            "$map": {"dubbo": "2.0.2"}
          }
        ]
        """
    )
  }

  @Test func valuesBuiltAsHessianValuesRoundTripThroughJSON() throws {
    let values: [HessianValue] = [
      .list(HessianList(type: "java.util.HashSet", elements: [.string("x"), .double(0.5), .binary([1, 2, 3])])),
      .map(HessianMap(entries: [.init(key: .list(HessianList(elements: [])), value: .reference(0))])),
      .object(HessianObject(className: "E", fields: [])),
      .reference(2),
    ]
    let bytes = HessianEncodeCommand.hessianBytes(values)
    try expectRoundTrip(bytes)
    #expect(try HessianJSON.values(fromJSONStream: Array(decodeToJSON(bytes).utf8)) == values)
  }

  /// Forms hessian-lite does not write for collections (variable-length lists, non-shortest
  /// numbers) decode to the same values but encode in the forms Java writes.
  @Test func otherFormsKeepTheirValuesNotTheirBytes() throws {
    let bytes = Hex.bytes("57 91 92 5A  49 00 00 00 01  4C 00 00 00 00 00 00 00 05")
    let json = try decodeToJSON(bytes)
    #expect(json == "[\n  [1, 2],\n  1,\n  {\"$long\": 5}\n]")
    #expect(Hex.string(try encodeFromJSON(json)) == "7A 91 92 91 E5")
  }
}
