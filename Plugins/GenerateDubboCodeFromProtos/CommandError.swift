/// A reason the command plugin stops, worded for the person running it.
enum CommandError: Error, CustomStringConvertible {
  /// Arguments the command does not know.
  case unknownArguments([String])
  /// An option given without a value.
  case missingValue(option: String)
  /// An option that may appear once was given more than once.
  case repeatedOption(String)
  /// `--target` names targets the package does not have; `available` are the ones it has.
  case unknownTargets([String], available: [String])
  /// `--target` names a target that is not a Swift source target.
  case notASwiftTarget(String)
  /// `--target` names a target without `.proto` files.
  case noProtoFiles(target: String)
  /// protoc exited with an error.
  case protocFailed(protoName: String, status: Int32, output: String)
  /// protoc succeeded but did not write a file the generators always write.
  case missingOutput(protoName: String, fileName: String)

  var description: String {
    switch self {
    case .unknownArguments(let arguments):
      return "unknown argument(s): \(arguments.joined(separator: " ")); see --help"
    case .missingValue(let option):
      return "\(option) needs a value; see --help"
    case .repeatedOption(let option):
      return "\(option) may be given only once"
    case .unknownTargets(let names, let available):
      return
        "no target named \(names.joined(separator: ", ")) in the package; "
        + "its targets are \(available.joined(separator: ", "))"
    case .notASwiftTarget(let name):
      return "target '\(name)' is not a Swift source target"
    case .noProtoFiles(let target):
      return "target '\(target)' has no .proto files"
    case .protocFailed(let protoName, let status, let output):
      return "protoc failed for \(protoName) (exit status \(status)):\n\(output)"
    case .missingOutput(let protoName, let fileName):
      return "protoc did not write \(fileName) for \(protoName)"
    }
  }
}
