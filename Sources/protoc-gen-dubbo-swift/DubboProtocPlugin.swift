import DubboCodeGen
import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// The protoc plugin: `protoc --dubbo-swift_out=DIR [--dubbo-swift_opt=Visibility=Public] …`.
@main
struct DubboProtocPlugin: CodeGenerator {
  var version: String? { "1.0.0" }
  var projectURL: String? { "https://github.com/dubbo-swift/dubbo-swift" }
  var customOptionExtensions: [any AnyMessageExtension] { DubboCodeGenerator.optionExtensions }
  var supportedFeatures: [Google_Protobuf_Compiler_CodeGeneratorResponse.Feature] { [.proto3Optional] }

  func generate(
    files: [FileDescriptor],
    parameter: any CodeGeneratorParameter,
    protoCompilerContext: any ProtoCompilerContext,
    generatorOutputs: any GeneratorOutputs
  ) throws {
    let generator = try DubboCodeGenerator(parameter: parameter.parameter)
    for file in files {
      try generatorOutputs.add(fileName: generator.outputFileName(for: file), contents: generator.generate(file: file))
    }
  }
}
