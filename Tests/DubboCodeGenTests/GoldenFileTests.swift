import DubboCodeGen
import Foundation
import SwiftProtobuf
import SwiftProtobufPluginLibrary
import Testing

/// The generator's output for committed descriptor sets, compared with committed expected files
/// (`scripts/generate-codegen-golden.sh` writes both).
@Suite("Code generation: golden files")
struct GoldenFileTests {
  @Test("generated text equals the committed golden file", arguments: ["greeter", "user_service", "hello"])
  func golden(name: String) throws {
    let file = try protoFile(named: name)
    let generator = DubboCodeGenerator(visibility: .public)
    let actual = try generator.generate(file: file)
    let expected = try String(contentsOf: try resource("\(name).dubbo.swift.golden"), encoding: .utf8)
    #expect(actual == expected, "\(lineDiff(expected: expected, actual: actual))")
  }

  @Test("the output does not depend on run, order or machine")
  func deterministic() throws {
    let file = try protoFile(named: "user_service")
    let generator = DubboCodeGenerator(visibility: .public)
    let first = try generator.generate(file: file)
    #expect(try generator.generate(file: file) == first)
    #expect(!first.contains("/work/") && !first.contains("/tmp/"))
  }

  @Test(
    "bad annotations are errors that point at the proto element",
    arguments: [
      (
        "unknown_java_type",
        "unknown_java_type.proto:13:3: invalid.Event.when: the Java type java.util.Date does not fit a proto string field"
      ),
      (
        "conflicting_overloads",
        "conflicting_overloads.proto:23:3: invalid.Greeter.HelloAgain: Hello already maps to the Java method hello with the same parameter types; overloads need different ones"
      ),
      (
        "hessian_without_java_class",
        "hessian_without_java_class.proto:18:3: invalid.Orders.Place: invalid.Order has no Java class for hessian2: set option (dubbo.message).java_class, or java_multiple_files in its file"
      ),
    ]
  )
  func invalid(name: String, message: String) throws {
    let file = try protoFile(named: name)
    let error = #expect(throws: DubboCodeGenError.self) { try DubboCodeGenerator().generate(file: file) }
    #expect(error?.description == message)
  }

  @Test("protoc's parameter sets visibility and file naming; unknown options are refused")
  func parameter() throws {
    let generator = try DubboCodeGenerator(parameter: "Visibility=Package,FileNaming=PathToUnderscores")
    #expect(generator.visibility == .package)
    #expect(generator.fileNaming == .pathToUnderscores)
    #expect(throws: DubboCodeGenOptionError.self) { try DubboCodeGenerator(parameter: "Visibility=Open") }
    #expect(throws: DubboCodeGenOptionError.self) { try DubboCodeGenerator(parameter: "Colour=Blue") }
  }

  private func protoFile(named name: String) throws -> FileDescriptor {
    var extensions = SimpleExtensionMap()
    extensions.insert(contentsOf: DubboCodeGenerator.optionExtensions)
    let data = try Data(contentsOf: try resource("\(name).desc"))
    let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: data, extensions: extensions)
    let descriptors = DescriptorSet(proto: set)
    return try #require(descriptors.fileDescriptor(named: "\(name).proto"))
  }

  private func resource(_ name: String) throws -> URL {
    try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"))
  }

  /// The first lines where the texts differ, for the failure message.
  private func lineDiff(expected: String, actual: String) -> String {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for index in 0..<max(expectedLines.count, actualLines.count) where diff.count < 20 {
      let old = index < expectedLines.count ? String(expectedLines[index]) : nil
      let new = index < actualLines.count ? String(actualLines[index]) : nil
      guard old != new else { continue }
      if let old { diff.append("line \(index + 1) - \(old)") }
      if let new { diff.append("line \(index + 1) + \(new)") }
    }
    return "Run scripts/generate-codegen-golden.sh if the change is intended. First differences:\n"
      + diff.joined(separator: "\n")
  }
}
