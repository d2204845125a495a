import DubboHessian
import NIOCore
import Testing

private func code(of body: () throws -> Void) -> HessianError.Code? {
  do {
    try body()
    return nil
  } catch let error as HessianError {
    return error.code
  } catch {
    return nil
  }
}

@Suite struct MalformedInputTests {
  @Test func everyTruncationOfAValidStreamIsATypedError() throws {
    let bytes = encoded {
      $0.encode("2.0.2")
      $0.encode([Person(name: "ann", age: 30), Person(name: "bob😀", age: 70_000)])
      $0.encode(["k": [1.5, 2.25]])
      $0.writeBinary([UInt8](repeating: 7, count: 40))
      $0.writeLong(1 << 40)
    }
    for length in 0..<bytes.count {
      var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes.prefix(length)))
      let failure = code {
        while !decoder.isAtEnd { _ = try decoder.decodeValue() }
        if length < bytes.count { throw HessianError(.truncated, "stream ended early", offset: 0) }
      }
      #expect(failure != nil, "prefix of \(length) bytes")
    }
  }

  @Test func aTypedListFailingInAnElementThrowsThatElementsError() throws {
    let bytes = encoded { $0.encode([Person(name: "ann", age: 30), Person(name: "bob", age: 70)]) }
    for length in 1..<bytes.count {
      var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes.prefix(length)))
      #expect(code { _ = try decoder.decode([Person].self) } == .truncated, "prefix of \(length) bytes")
    }
  }

  @Test(arguments: [0x40, 0x45, 0x47, 0x50] as [UInt8])
  func reservedTagsAreInvalid(tag: UInt8) {
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: [tag]))
    #expect(code { _ = try decoder.decodeValue() } == .invalidTag)
  }

  @Test func announcedLengthsBeyondTheInputAreTruncationNotAllocation() {
    var list = decoder("58 49 7F FF FF FF 91")
    #expect(code { _ = try list.decodeValue() } == .limitExceeded)
    var smallerList = decoder("58 D7 FF FF 91")
    #expect(code { _ = try smallerList.decodeValue() } == .truncated)
    var string = decoder("53 FF FF 61 62")
    #expect(code { _ = try string.decodeValue() } == .truncated)
    var binary = decoder("42 FF FF 61")
    #expect(code { _ = try binary.decodeValue() } == .truncated)
    var fields = decoder("43 01 41 D7 FF FF")
    #expect(code { _ = try fields.decodeValue() } == .limitExceeded)
  }

  @Test func classDefinitionsCannotNest() {
    // Found by the fuzzer: each `C` inside a class name used to start another definition.
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: [UInt8](repeating: 0x43, count: 100_000)))
    do {
      _ = try decoder.decodeValue()
      Issue.record("expected an error")
    } catch let error as HessianError {
      #expect(error.code == .invalidTag)
      #expect(error.offset == 1)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func collectionCountLimit() {
    var decoder = HessianDecoder(
      buffer: ByteBuffer(bytes: Hex.bytes("7B 91 92 93")),
      limits: HessianDecodingLimits(maxCollectionCount: 2)
    )
    #expect(code { _ = try decoder.decodeValue() } == .limitExceeded)
  }

  @Test func nestingDepthLimit() {
    let deep = [UInt8](repeating: 0x79, count: 1000) + [0x90]
    var dynamic = HessianDecoder(buffer: ByteBuffer(bytes: deep))
    #expect(code { _ = try dynamic.decodeValue() } == .limitExceeded)
    var typed = HessianDecoder(buffer: ByteBuffer(bytes: deep))
    #expect(code { _ = try typed.decode([[[[[[[[Int32]]]]]]]].self) } != nil)
  }

  @Test(arguments: [
    "01 FF",  // not a lead byte
    "01 F8 80 80 80 80",  // five-byte sequences do not exist
    "01 C3 41",  // bad continuation
    "01 ED A0 80",  // lone high surrogate
    "01 ED B0 80",  // lone low surrogate
    "02 ED A0 80 41",  // high surrogate followed by a normal character
    "02 ED A0 80 ED A0 80",  // two high surrogates
  ])
  func invalidUTF8(hex: String) {
    var decoder = decoder(hex)
    #expect(code { _ = try decoder.readString() } == .invalidUTF8)
  }

  @Test func danglingClassAndTypeReferences() {
    var object = decoder("62")
    #expect(code { _ = try object.decodeValue() } == .invalidReference)
    var type = decoder("71 93 90")
    #expect(code { _ = try type.decodeValue() } == .invalidReference)
  }

  @Test func typeMismatchNamesWhatWasFound() throws {
    var decoder = decoder("05 68 65 6C 6C 6F")
    do {
      _ = try decoder.readInt()
      Issue.record("expected an error")
    } catch let error as HessianError {
      #expect(error.code == .typeMismatch)
      #expect(error.description == "Hessian type mismatch at byte 0: expected a number, found string (0x5)")
    }
  }

  @Test func intOverflowIsAnInvalidValue() {
    var decoder = decoder("4C 00 00 00 01 00 00 00 00")
    #expect(code { _ = try decoder.readInt() } == .invalidValue)
  }

  @Test func referenceExpansionIsBounded() {
    // A list of 8 ints, then 20 levels of lists each holding two references to the level below.
    var encoder = HessianEncoder()
    encoder.writeList((1...8).map(Int32.init))
    for level in 0..<20 {
      encoder.writeListHeader(count: 2)
      encoder.writeReference(level)
      encoder.writeReference(level)
    }
    var decoder = HessianDecoder(buffer: encoder.buffer, limits: HessianDecodingLimits(maxReferenceExpansion: 100_000))
    #expect(
      code {
        while !decoder.isAtEnd { _ = try decoder.decodeValue() }
      } == .limitExceeded
    )
  }
}
