import DubboHessian
import NIOCore
import Testing

@Suite struct ObjectCodingTests {
  @Test func firstInstanceCarriesTheClassDefinitionAndLaterOnesDoNot() {
    let bytes = encoded {
      $0.encode(Person(name: "ann", age: 30))
      $0.encode(Person(name: "bob", age: 7))
    }
    let definition = "43 0C 63 6F 6D 2E 66 6F 6F 2E 55 73 65 72 92 03 61 67 65 04 6E 61 6D 65"
    #expect(Hex.string(bytes) == "\(definition) 60 AE 03 61 6E 6E 60 97 03 62 6F 62")
  }

  @Test func decodesFieldsByNameInAnyOrderSkippingUnknownOnes() throws {
    // Fields reordered, plus an unknown field holding a list with an object of another class.
    var encoder = HessianEncoder()
    let extra = HessianClassDefinition(className: "com.foo.Extra", fieldNames: ["x"])
    let wire = HessianClassDefinition(className: "com.foo.User", fieldNames: ["name", "extra", "age"])
    encoder.writeObjectHeader(wire)
    encoder.writeString("ann")
    encoder.writeListHeader(count: 1)
    encoder.writeObjectHeader(extra)
    encoder.writeInt(1)
    encoder.writeInt(30)
    encoder.writeObjectHeader(extra)  // the skipped field's class definition must still be known
    encoder.writeInt(2)
    var decoder = HessianDecoder(buffer: encoder.buffer)
    #expect(try decoder.decode(Person.self) == Person(name: "ann", age: 30))
    let trailing = try decoder.decodeValue()
    #expect(trailing == .object(HessianObject(className: "com.foo.Extra", fields: [.init(name: "x", value: .int(2))])))
    #expect(decoder.isAtEnd)
  }

  /// Only a class declared on the wire with exactly the expected fields, in the expected order,
  /// lets a reader take the values in order; any other shape goes through the field indexes.
  @Test(arguments: [
    (["age", "name"], true), (["name", "age"], false), (["age"], false), (["age", "name", "email"], false),
    (["age", "nick"], false),
  ])
  func expectedFieldsOnlyWhenTheWireMatchesExactly(wireFields: [String], expected: Bool) throws {
    var encoder = HessianEncoder()
    for _ in 0..<2 {
      encoder.writeObjectHeader(HessianClassDefinition(className: "com.foo.User", fieldNames: wireFields))
      for _ in wireFields { encoder.writeInt(1) }
    }
    var decoder = HessianDecoder(buffer: encoder.buffer)
    for _ in 0..<2 {
      let header = try decoder.readObjectHeader(expecting: Person.hessianClass)
      #expect(header.hasExpectedFields == expected)
      for _ in wireFields { try decoder.skipValue() }
    }
  }

  @Test func missingFieldsKeepTheirDefaults() throws {
    var encoder = HessianEncoder()
    encoder.writeObjectHeader(HessianClassDefinition(className: "com.foo.User", fieldNames: ["name"]))
    encoder.writeString("ann")
    var decoder = HessianDecoder(buffer: encoder.buffer)
    #expect(try decoder.decode(Person.self) == Person(name: "ann", age: 0))
  }

  /// Instances of classes written in turn, each time through a new but equal definition that is
  /// freed right after (so a later one may be allocated where it was), each get their own class's
  /// tag.
  @Test func instancesOfAlternatingClassesGetTheirClassesTags() throws {
    var encoder = HessianEncoder()
    for round in 0..<50 {
      for name in ["A", "B", "C"] {
        let before = encoder.byteCount
        encoder.writeObjectHeader(HessianClassDefinition(className: name, fieldNames: []))
        let tag = Array(encoder.buffer.readableBytesView).last
        #expect(tag == 0x60 + UInt8(name.utf8.first! - UInt8(ascii: "A")))
        #expect(round == 0 || encoder.byteCount == before + 1)
      }
    }
  }

  @Test func classIndexesAbove15UseTheLongInstanceForm() throws {
    var encoder = HessianEncoder()
    for index in 0..<17 {
      encoder.writeObjectHeader(HessianClassDefinition(className: "C\(index)", fieldNames: []))
    }
    let bytes = Array(encoder.buffer.readableBytesView)
    #expect(Array(bytes.suffix(2)) == [0x4F, 0xA0])
    var decoder = HessianDecoder(buffer: encoder.buffer)
    for index in 0..<17 {
      #expect(try decoder.decodeValue() == .object(HessianObject(className: "C\(index)", fields: [])))
    }
  }

  @Test func enumConstantsAreWrittenOnceThenReferenced() throws {
    let bytes = encoded { $0.encode([Color.red, .green, .red]) }
    let prefix = "7B 43 0D 63 6F 6D 2E 66 6F 6F 2E 43 6F 6C 6F 72 91 04 6E 61 6D 65"
    #expect(Hex.string(bytes) == "\(prefix) 60 03 52 45 44 60 05 47 52 45 45 4E 51 91")
    var decoder = HessianDecoder(buffer: ByteBuffer(bytes: bytes))
    #expect(try decoder.decode([Color].self) == [.red, .green, .red])
  }

  @Test func enumConstantsAlsoReadFromTheirNames() throws {
    var encoder = HessianEncoder()
    encoder.writeString("GREEN")
    encoder.writeString(String(repeating: "X", count: 40))
    var decoder = HessianDecoder(buffer: encoder.buffer)
    #expect(try decoder.decode(Color.self) == .green)
    #expect { try decoder.decode(Color.self) } throws: { ($0 as? HessianError)?.code == .invalidValue }
  }

  @Test func unknownEnumConstantIsAnInvalidValue() {
    var encoder = HessianEncoder()
    encoder.writeObjectHeader(Color.hessianClass)
    encoder.writeString("PURPLE")
    var decoder = HessianDecoder(buffer: encoder.buffer)
    #expect { try decoder.decode(Color.self) } throws: { ($0 as? HessianError)?.code == .invalidValue }
  }
}

@Suite struct ReferenceTests {
  /// `[user, user]` as Java writes a list holding the same object twice.
  static let sharedObjectList = Hex.bytes(
    "7A 43 0C 63 6F 6D 2E 66 6F 6F 2E 55 73 65 72 92 03 61 67 65 04 6E 61 6D 65 60 AE 03 61 6E 6E 51 91"
  )

  @Test func sharedObjectsDecodeAsCopies() throws {
    var typed = HessianDecoder(buffer: ByteBuffer(bytes: Self.sharedObjectList))
    #expect(try typed.decode([Person].self) == [Person(name: "ann", age: 30), Person(name: "ann", age: 30)])
    #expect(typed.isAtEnd)

    var dynamic = HessianDecoder(buffer: ByteBuffer(bytes: Self.sharedObjectList))
    guard case .list(let list) = try dynamic.decodeValue() else {
      Issue.record("expected a list")
      return
    }
    #expect(list.elements.count == 2)
    #expect(list.elements[0] == list.elements[1])
  }

  @Test func aCycleStaysAReferenceInTheDynamicModelAndFailsTypedDecoding() throws {
    // Node{name: "a", next: <itself>}
    var encoder = HessianEncoder()
    encoder.writeObjectHeader(Node.hessianClass)
    encoder.writeString("a")
    encoder.writeReference(0)
    var dynamic = HessianDecoder(buffer: encoder.buffer)
    let expected = HessianObject(
      className: "com.foo.Node",
      fields: [.init(name: "name", value: .string("a")), .init(name: "next", value: .reference(0))]
    )
    #expect(try dynamic.decodeValue() == .object(expected))

    var typed = HessianDecoder(buffer: encoder.buffer)
    #expect { try typed.decode(Node.self) } throws: { ($0 as? HessianError)?.code == .invalidReference }
  }

  @Test func referencesResolveInsideLaterValuesOfTheSameStream() throws {
    var encoder = HessianEncoder()
    encoder.encode(Person(name: "ann", age: 30))
    encoder.encode("between")
    encoder.writeReference(0)
    var decoder = HessianDecoder(buffer: encoder.buffer)
    #expect(try decoder.decode(Person.self) == Person(name: "ann", age: 30))
    #expect(try decoder.decode(String.self) == "between")
    #expect(try decoder.decode(Person.self) == Person(name: "ann", age: 30))
  }

  @Test func aLaterReferenceToACyclicValueKeepsTheCycle() throws {
    // X{a: <itself>}, then a second reference to it (found by the fuzzer's author by reading).
    var decoder = decoder("43 01 58 91 01 61 60 51 90 51 90")
    let cyclic = HessianValue.object(HessianObject(className: "X", fields: [.init(name: "a", value: .reference(0))]))
    #expect(try decoder.decodeValue() == cyclic)
    #expect(try decoder.decodeValue() == cyclic)
    #expect(decoder.isAtEnd)
  }

  @Test func aReferenceToAChildWhoseParentIsACycle() throws {
    // P{children: [C{parent: <P>}]}, then a reference to the child.
    var encoder = HessianEncoder()
    let parent = HessianClassDefinition(className: "P", fieldNames: ["children"])
    let child = HessianClassDefinition(className: "C", fieldNames: ["parent"])
    encoder.writeObjectHeader(parent)
    encoder.writeListHeader(count: 1)
    encoder.writeObjectHeader(child)
    encoder.writeReference(0)
    encoder.writeReference(2)
    var decoder = HessianDecoder(buffer: encoder.buffer)
    _ = try decoder.decodeValue()
    let again = try decoder.decodeValue()
    guard case .object(let object) = again, case .object(let parentCopy)? = object[field: "parent"] else {
      Issue.record("expected the child with its parent, got \(again)")
      return
    }
    #expect(object.className == "C")
    #expect(parentCopy.className == "P")
    #expect(decoder.isAtEnd)
  }

  @Test func aReferenceToAValueNotYetSeenIsRejected() {
    var decoder = decoder("51 93")
    #expect { try decoder.decodeValue() } throws: { ($0 as? HessianError)?.code == .invalidReference }
  }
}
