import DubboHessian
import Foundation
import NIOCore
import Testing

/// Encodes with a fresh stream and returns the bytes.
func encoded(_ write: (inout HessianEncoder) -> Void) -> [UInt8] {
  var encoder = HessianEncoder()
  write(&encoder)
  return Array(encoder.buffer.readableBytesView)
}

func decoder(_ hex: String) -> HessianDecoder {
  HessianDecoder(buffer: ByteBuffer(bytes: Hex.bytes(hex)))
}

@Suite struct IntEncodingTests {
  @Test(arguments: [
    (0, "90"), (-1, "8F"), (-16, "80"), (47, "BF"), (48, "C8 30"), (-17, "C7 EF"),
    (-2048, "C0 00"), (2047, "CF FF"), (2048, "D4 08 00"), (-2049, "D3 F7 FF"),
    (-262_144, "D0 00 00"), (262_143, "D7 FF FF"), (262_144, "49 00 04 00 00"),
    (-262_145, "49 FF FB FF FF"), (Int(Int32.max), "49 7F FF FF FF"), (Int(Int32.min), "49 80 00 00 00"),
  ])
  func int(value: Int, hex: String) throws {
    #expect(Hex.string(encoded { $0.writeInt(Int32(value)) }) == hex)
    var reader = decoder(hex)
    #expect(try reader.readInt() == Int32(value))
    #expect(reader.isAtEnd)
  }

  @Test(arguments: [
    (Int64(0), "E0"), (-8, "D8"), (15, "EF"), (16, "F8 10"), (-9, "F7 F7"), (-2048, "F0 00"),
    (2047, "FF FF"), (2048, "3C 08 00"), (-2049, "3B F7 FF"), (-262_144, "38 00 00"),
    (262_143, "3F FF FF"), (262_144, "59 00 04 00 00"), (Int64(Int32.max), "59 7F FF FF FF"),
    (Int64(Int32.max) + 1, "4C 00 00 00 00 80 00 00 00"), (Int64(Int32.min) - 1, "4C FF FF FF FF 7F FF FF FF"),
    (Int64.min, "4C 80 00 00 00 00 00 00 00"),
  ])
  func long(value: Int64, hex: String) throws {
    #expect(Hex.string(encoded { $0.writeLong(value) }) == hex)
    var reader = decoder(hex)
    #expect(try reader.readLong() == value)
    #expect(reader.isAtEnd)
  }
}

@Suite struct DoubleEncodingTests {
  @Test(arguments: [
    (0.0, "5B"), (-0.0, "5B"), (1.0, "5C"), (-1.0, "5D FF"), (127.0, "5D 7F"), (-128.0, "5D 80"),
    (128.0, "5E 00 80"), (32767.0, "5E 7F FF"), (-32768.0, "5E 80 00"), (1.5, "5F 00 00 05 DC"),
    (0.001, "5F 00 00 00 01"), (32768.0, "5F 01 F4 00 00"),
    (3.141592653589793, "44 40 09 21 FB 54 44 2D 18"),
  ])
  func double(value: Double, hex: String) throws {
    #expect(Hex.string(encoded { $0.writeDouble(value) }) == hex)
    var reader = decoder(hex)
    #expect(try reader.readDouble() == (value == 0 ? 0 : value))
  }

  /// hessian-lite writes a boxed `Float` through its decimal text; a primitive widens directly.
  @Test func boxedFloatGoesThroughItsDecimalText() {
    #expect(Hex.string(encoded { $0.writeBoxedFloat(0.1) }) == "5F 00 00 00 64")
    #expect(Hex.string(encoded { $0.writeDouble(Double(Float(0.1))) }) == "44 3F B9 99 99 A0 00 00 00")
    #expect(Hex.string(encoded { $0.writeBoxedFloat(.infinity) }) == "44 7F F0 00 00 00 00 00 00")
  }

  @Test func nanAndInfinityUseTheFullForm() throws {
    #expect(Hex.string(encoded { $0.writeDouble(.infinity) }) == "44 7F F0 00 00 00 00 00 00")
    var reader = decoder(Hex.string(encoded { $0.writeDouble(.nan) }))
    #expect(try reader.readDouble().isNaN)
  }
}

@Suite struct StringEncodingTests {
  @Test func shortForms() throws {
    #expect(Hex.string(encoded { $0.writeString("") }) == "00")
    #expect(Hex.string(encoded { $0.writeString("hello") }) == "05 68 65 6C 6C 6F")
    let thirtyTwo = String(repeating: "a", count: 32)
    #expect(Array(encoded { $0.writeString(thirtyTwo) }.prefix(2)) == [0x30, 0x20])
    let big = String(repeating: "b", count: 1024)
    #expect(Array(encoded { $0.writeString(big) }.prefix(3)) == [0x53, 0x04, 0x00])
  }

  /// Short strings are written and read as the runtime keeps them in line; every length up to and
  /// past that form's 15 bytes must give the same bytes and strings as the general path, wherever
  /// the string lies in the input and whatever bytes follow it.
  @Test(arguments: 0...17)
  func shortStringsOfEveryLength(length: Int) throws {
    let ascii = String((0..<length).map { Character(Unicode.Scalar(UInt8(0x41 + $0))) })
    #expect(encoded { $0.writeString(ascii) } == [UInt8(length)] + Array(ascii.utf8))
    var reserved = ""
    reserved.reserveCapacity(64)
    reserved += ascii
    #expect(encoded { $0.writeString(reserved) } == [UInt8(length)] + Array(ascii.utf8))

    let nonASCII = length == 0 ? "é" : String(ascii.dropLast()) + "é"
    for sample in [ascii, nonASCII] {
      let bytes = encoded { $0.writeString(sample) }
      for trailing in [[], [UInt8](repeating: 0xFF, count: 16), [UInt8](repeating: 0x41, count: 40)] {
        var reader = HessianDecoder(buffer: ByteBuffer(bytes: bytes + trailing))
        let decoded = try reader.readString()
        #expect(decoded == sample)
        #expect(decoded.hashValue == sample.hashValue)
        #expect(decoded.utf8.count == sample.utf8.count)
        #expect(decoded + "+" == sample + "+")
        #expect(reader.offset == bytes.count)
      }
    }
  }

  @Test func supplementaryCharactersAreSurrogatePairs() throws {
    // U+1F600 is two UTF-16 units, each written as three bytes.
    #expect(Hex.string(encoded { $0.writeString("😀") }) == "02 ED A0 BD ED B8 80")
    var reader = decoder("02 ED A0 BD ED B8 80")
    #expect(try reader.readString() == "😀")
  }

  @Test func roundTripsNonASCIIAndChunks() throws {
    let samples = [
      "你好，世界", "a😀b𝄞", "\u{0}\u{FFFF}", String(repeating: "x", count: 100_000),
      String(repeating: "é", count: 40_000), String(repeating: "a", count: 32_767) + "😀" + "tail",
    ]
    for sample in samples {
      let bytes = encoded { $0.writeString(sample) }
      var reader = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
      #expect(try reader.readString() == sample)
      #expect(reader.isAtEnd)
    }
  }

  @Test func chunkNeverSplitsASurrogatePair() throws {
    let sample = String(repeating: "a", count: 32_767) + "😀"
    let bytes = encoded { $0.writeString(sample) }
    #expect(Array(bytes.prefix(3)) == [0x52, 0x7F, 0xFF])
  }
}
