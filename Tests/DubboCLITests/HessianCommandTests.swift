import ArgumentParser
import DubboHessian
import Foundation
import Testing

@testable import DubboCLI

/// `dubbo hessian decode` and `dubbo hessian encode`, parsed from arguments and run in memory.
@Suite struct HessianCommandTests {
  private let requestBodyPath = Repository.root.appendingPathComponent(
    "Examples/HessianPayloads/dubbo-request-body.bin"
  ).path

  private static let requestBodyJSON = """
    [
      "2.0.2",
      "org.apache.dubbo.demo.DemoService",
      "0.0.0",
      "sayHello",
      "Ljava/lang/String;",
      "world",
      {
        "$map": {
          "path": "org.apache.dubbo.demo.DemoService",
          "interface": "org.apache.dubbo.demo.DemoService",
          "version": "0.0.0",
          "timeout": "3000"
        }
      }
    ]

    """

  /// The message `dubbo` prints for `error`, and its exit status.
  private func failureOf(_ arguments: [String], input: [UInt8] = []) -> (message: String, exitCode: Int32)? {
    do {
      _ = try runDubbo(arguments, input: input)
      return nil
    } catch {
      return (DubboCommand.message(for: error), DubboCommand.exitCode(for: error).rawValue)
    }
  }

  @Test func decodeStreamPrintsTheRequestBody() throws {
    let result = try runDubbo(["hessian", "decode", "--stream", requestBodyPath])
    #expect(result.text == Self.requestBodyJSON)
  }

  @Test func decodeOneValue() throws {
    let directory = try temporaryDirectory()
    let file = directory.appendingPathComponent("long.bin")
    try Data([0x59, 0x80, 0x00, 0x00, 0x00]).write(to: file)
    #expect(try runDubbo(["hessian", "decode", file.path]).text == "{\"$long\": -2147483648}\n")
  }

  @Test func decodeReadsStandardInputAndHex() throws {
    #expect(try runDubbo(["hessian", "decode", "-"], input: [0x91]).text == "1\n")
    let hex = Array("  4B 01 B0\n55 17\t\n".utf8)
    #expect(
      try runDubbo(["hessian", "decode", "--hex", "-"], input: hex).text
        == "{\"$date\": \"2023-11-14T22:15:00.000Z\"}\n")
  }

  @Test func decodeRejectsTrailingBytesWithoutStream() throws {
    let failure = try #require(failureOf(["hessian", "decode", requestBodyPath]))
    #expect(
      failure.message == "189 bytes left after the value, from byte 6 (use --stream to decode a sequence of values)")
    #expect(failure.exitCode != 0)
  }

  @Test func decodeReportsMalformedInputWithItsOffset() throws {
    let truncated = try #require(failureOf(["hessian", "decode", "-"], input: [0x4C, 0x00, 0x00]))
    #expect(truncated.message == "Hessian truncated at byte 1: input ended inside a value")
    #expect(truncated.exitCode != 0)

    let badTag = try #require(failureOf(["hessian", "decode", "--stream", "-"], input: [0x90, 0x91, 0x5A]))
    #expect(
      badTag.message
        == "Hessian invalid tag at byte 2: end marker (0x5A) cannot start a value (in value 3 of the stream, which starts at byte 2)"
    )

    let badReference = try #require(failureOf(["hessian", "decode", "-"], input: [0x79, 0x51, 0x91]))
    #expect(badReference.message.hasPrefix("Hessian invalid reference at byte "))
    #expect(badReference.message.contains("reference to value #1"))
  }

  @Test func decodeRejectsEmptyInputButAnEmptyStreamIsEmpty() throws {
    #expect(failureOf(["hessian", "decode", "-"])?.message == "the input is empty: there is no Hessian value in it")
    #expect(try runDubbo(["hessian", "decode", "--stream", "-"]).text == "[]\n")
  }

  @Test func decodeRejectsBadHexAndMissingFiles() throws {
    #expect(
      failureOf(["hessian", "decode", "--hex", "-"], input: Array("90\n9x".utf8))?.message
        == "hex input, line 2, column 2: 'x' is not a hex digit"
    )
    #expect(
      failureOf(["hessian", "decode", "--hex", "-"], input: Array("909".utf8))?.message
        == "hex input has an odd number of digits")
    #expect(
      failureOf(["hessian", "decode", "/nonexistent/x.bin"])?.message == "cannot read /nonexistent/x.bin: no such file")
  }

  @Test func decodeNeverCrashesOnDeepOrHostileInput() throws {
    let deep = [UInt8](repeating: 0x79, count: 10_000) + [0x4E]
    #expect(failureOf(["hessian", "decode", "-"], input: deep)?.message.contains("nesting deeper than") == true)
    for seed in 0..<300 {
      var random = SplitMix64(seed: UInt64(seed))
      let bytes = (0..<Int.random(in: 1...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
      // Either decodes or reports an error; the JSON it prints must encode again.
      if let json = try? runDubbo(["hessian", "decode", "--stream", "-"], input: bytes).text {
        _ = try runDubbo(["hessian", "encode", "--stream", "-"], input: Array(json.utf8))
      }
    }
  }

  @Test func encodeWritesTheRequestBodyBack() throws {
    let result = try runDubbo(["hessian", "encode", "--stream"], input: Array(Self.requestBodyJSON.utf8))
    #expect(result.output == (try Repository.example("dubbo-request-body.bin")))
  }

  @Test func encodeReadsAFileAndWritesHexOrAFile() throws {
    let directory = try temporaryDirectory()
    let json = directory.appendingPathComponent("in.json")
    try Data(#"{"$type": "[int", "$list": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]}"#.utf8).write(
      to: json)
    let hex = try runDubbo(["hessian", "encode", json.path, "--hex"]).text
    #expect(
      hex == """
        56 04 5B 69 6E 74 A1 91 92 93 94 95 96 97 98 99
        9A 9B 9C 9D 9E 9F A0 A1

        """
    )
    let output = directory.appendingPathComponent("out.bin")
    #expect(try runDubbo(["hessian", "encode", json.path, "--output", output.path]).output.isEmpty)
    #expect(Hex.string(try Data(contentsOf: output)) == Hex.string(Hex.bytes(hex)))
    _ = try runDubbo(["hessian", "encode", json.path, "-o", output.path, "--hex"])
    #expect(String(decoding: try Data(contentsOf: output), as: UTF8.self) == hex)
  }

  @Test func encodeReportsBadJSONWithItsLocation() throws {
    let failure = try #require(failureOf(["hessian", "encode"], input: Array("[1,\n {\"$long\": 1.5}]".utf8)))
    #expect(failure.message == #"<stdin>, line 2, column 12: "$long" needs an integer, not 1.5"#)
    #expect(failure.exitCode != 0)
    #expect(
      failureOf(["hessian", "encode", "--stream"], input: Array("{}".utf8))?.message
        == "<stdin>, line 1, column 1: a stream must be a JSON array of values"
    )
  }

  @Test func decodeThenEncodeGivesBackTheExampleFiles() throws {
    let directory = try temporaryDirectory()
    for name in ["dubbo-request-body.bin", "user.bin"] {
      let original = Repository.root.appendingPathComponent("Examples/HessianPayloads/\(name)").path
      let json = try runDubbo(["hessian", "decode", "--stream", original]).output
      let jsonFile = directory.appendingPathComponent(name + ".json")
      try Data(json).write(to: jsonFile)
      let copy = directory.appendingPathComponent(name)
      _ = try runDubbo(["hessian", "encode", "--stream", jsonFile.path, "--output", copy.path])
      #expect(try Data(contentsOf: copy) == Data(contentsOf: URL(fileURLWithPath: original)), "\(name)")
    }
  }

  @Test func argumentsAreChecked() {
    #expect(throws: (any Error).self) { try DubboCommand.parseAsRoot(["hessian", "decode"]) }
    #expect(throws: (any Error).self) { try DubboCommand.parseAsRoot(["hessian", "decode", "a", "--bogus"]) }
    #expect(throws: (any Error).self) { try DubboCommand.parseAsRoot(["hessian", "frobnicate"]) }
  }

  @Test func helpDocumentsTheJSONForm() {
    let help = HessianCommand.helpMessage(columns: 100)
    for form in [
      #"{"$long": 42}"#, #"{"$double": 1.5}"#, #"{"$date": "2023-11-14T22:13:20.000Z"}"#, #"{"$ref": 1}"#, "\"$$x\"",
    ] {
      #expect(help.contains(form), "\(form)")
    }
    #expect(DubboCommand.helpMessage().contains("hessian"))
  }
}
