import DubboHessian
import Foundation
import NIOCore
import Testing

@Suite struct CollectionCodingTests {
  @Test func arraysAreUntypedListsLikeArrayList() throws {
    #expect(Hex.string(encoded { $0.encode([Int32(1), 2, 3]) }) == "7B 91 92 93")
    let eight = (1...8).map(Int32.init)
    #expect(Hex.string(encoded { $0.encode(eight) }) == "58 98 91 92 93 94 95 96 97 98")
  }

  @Test func typedListsNameTheirTypeOnceThenByIndex() throws {
    let bytes = encoded {
      $0.writeList([Int32(1), 2], type: "[int")
      $0.writeList([Int32(3)], type: "[int")
      $0.writeList((1...8).map(Int32.init), type: "[int")
    }
    #expect(
      Hex.string(bytes) == "72 04 5B 69 6E 74 91 92 71 90 93 56 90 98 91 92 93 94 95 96 97 98"
    )
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
    #expect(try decoder.decode([Int32].self) == [1, 2])
    #expect(try decoder.decode([Int32].self) == [3])
    #expect(try decoder.decode([Int32].self) == (1...8).map(Int32.init))
  }

  @Test func variableLengthListsDecode() throws {
    var typed = decoder("55 04 5B 69 6E 74 91 92 5A")
    #expect(try typed.decode([Int32].self) == [1, 2])
    var untyped = decoder("57 01 61 01 62 5A")
    #expect(try untyped.decode([String].self) == ["a", "b"])
  }

  @Test func setsAreTypedHashSets() throws {
    #expect(
      Hex.string(encoded { $0.encode(Set(["a"])) }) == "71 11 6A 61 76 61 2E 75 74 69 6C 2E 48 61 73 68 53 65 74 01 61")
  }

  @Test func mapsAreUntypedHashMapsAndTypedMapsDecode() throws {
    #expect(Hex.string(encoded { $0.encode(["a": Int32(1)]) }) == "48 01 61 91 5A")
    var typed = decoder("4D 0D 6A 61 76 61 2E 75 74 69 6C 2E 4D 61 70 01 61 91 01 62 92 5A")
    #expect(try typed.decode([String: Int32].self) == ["a": 1, "b": 2])
    var dynamic = decoder("4D 0D 6A 61 76 61 2E 75 74 69 6C 2E 4D 61 70 01 61 91 5A")
    #expect(
      try dynamic.decodeValue()
        == .map(HessianMap(type: "java.util.Map", entries: [.init(key: .string("a"), value: .int(1))]))
    )
  }

  @Test func nullReadsAsEmptyCollectionsAndOptionalsKeepIt() throws {
    var decoder = decoder("4E 4E 4E 4E")
    #expect(try decoder.decode([Int32].self) == [])
    #expect(try decoder.decode([String: String].self) == [:])
    #expect(try decoder.decode(String.self) == "")
    #expect(try decoder.decode(Int32?.self) == nil)
  }

  @Test func datesUseTheMinuteFormWhenExact() throws {
    #expect(Hex.string(encoded { $0.writeDate(millisecondsSince1970: 1_700_000_040_000) }) == "4B 01 B0 55 16")
    #expect(
      Hex.string(encoded { $0.writeDate(millisecondsSince1970: 1_700_000_012_345) }) == "4A 00 00 01 8B CF E5 98 39")
    var decoder = decoder("4B 01 B0 55 16 4A 00 00 01 8B CF E5 98 39")
    #expect(try decoder.readDateMilliseconds() == 1_700_000_040_000)
    #expect(try decoder.decode(Date.self) == Date(timeIntervalSince1970: 1_700_000_012.345))
  }

  /// A `Date` is written as the nearest millisecond, halves away from zero, clamped to a Java long.
  @Test func datesRoundToTheNearestMillisecond() throws {
    var generator = SystemRandomNumberGenerator()
    let random = (0..<2000).map { index in
      Double.random(in: -1e6...1e6, using: &generator) * (index.isMultiple(of: 2) ? 1 : 1e5)
    }
    let edges: [TimeInterval] = [
      0, 1_700_000_012.3454, 1_700_000_012.3456, -1.0004, -1.0006, 0x1p52 / 1000, -0x1p52 / 1000, 0x1p53 / 1000,
      1e300, -1e300, .infinity, -.infinity,
    ]
    for seconds in edges + random {
      let expected = (seconds * 1000).rounded()
      let bytes = encoded { $0.writeDate(Date(timeIntervalSince1970: seconds)) }
      var reader = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
      #expect(try reader.readDateMilliseconds() == Int64(exactly: expected) ?? (expected < 0 ? .min : .max))
    }
  }

  @Test func binaryFormsAndJavaChunks() throws {
    #expect(Hex.string(encoded { $0.writeBinary([UInt8]()) }) == "20")
    #expect(Array(encoded { $0.writeBinary([UInt8](repeating: 1, count: 15)) }.prefix(1)) == [0x2F])
    #expect(Array(encoded { $0.writeBinary([UInt8](repeating: 1, count: 16)) }.prefix(2)) == [0x34, 0x10])
    #expect(Array(encoded { $0.writeBinary([UInt8](repeating: 1, count: 1024)) }.prefix(3)) == [0x42, 0x04, 0x00])
    let large = (0..<100_000).map { UInt8($0 % 251) }
    var roundTrip = HessianDecoder(buffer: ByteBuffer(bytes: encoded { $0.writeBinary(large) }))
    #expect(try roundTrip.readBinary() == large)
    var chunked = decoder("41 00 03 61 62 63 42 00 02 64 65")
    #expect(try chunked.readBinary() == Array("abcde".utf8))
  }

  @Test func oneStreamSharesTablesAcrossTopLevelValues() throws {
    let bytes = encoded {
      $0.encode("2.0.2")
      $0.encode(Person(name: "a", age: 1))
      $0.writeList([Int32(1)], type: "[int")
      $0.encode(Person(name: "b", age: 2))
      $0.writeList([Int32(2)], type: "[int")
    }
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
    #expect(try decoder.decode(String.self) == "2.0.2")
    #expect(try decoder.decode(Person.self) == Person(name: "a", age: 1))
    #expect(try decoder.decode([Int32].self) == [1])
    #expect(try decoder.decode(Person.self) == Person(name: "b", age: 2))
    #expect(try decoder.decode([Int32].self) == [2])
    #expect(decoder.isAtEnd)
  }
}
