import SwiftProtobuf
import SwiftProtobufPluginLibrary

/// The Java classes of proto messages and enums: the annotation when there is one, else the class
/// protoc's Java generator produces (`java_package`, `java_outer_classname`,
/// `java_multiple_files`).
enum JavaClassNames {
  static func javaClass(of message: Descriptor) -> String {
    let annotated = message.options.Dubbo_message.javaClass
    return annotated.isEmpty ? generatedJavaClass(message.fullName, in: message.file) : annotated
  }

  static func javaClass(of enumType: EnumDescriptor) -> String {
    let annotated = enumType.options.Dubbo_enum.javaClass
    return annotated.isEmpty ? generatedJavaClass(enumType.fullName, in: enumType.file) : annotated
  }

  /// Whether a message names a class a Java POJO can be: annotated, or generated into its own file
  /// (`java_multiple_files`), not nested in an outer class of protoc's.
  static func hasPlainJavaClass(_ message: Descriptor) -> Bool {
    !message.options.Dubbo_message.javaClass.isEmpty || message.file.options.javaMultipleFiles
  }

  /// The Java package of a file's types and interfaces: `java_package`, else the proto package.
  static func javaPackage(of file: FileDescriptor) -> String {
    file.options.hasJavaPackage ? file.options.javaPackage : file.package
  }

  /// protoc's Java naming: nested types join their parent with `$`, and unless
  /// `java_multiple_files` is set every top-level type lives in the outer class (named by
  /// `java_outer_classname`, else the file name in UpperCamel case with `OuterClass` added when
  /// it clashes with a type).
  private static func generatedJavaClass(_ fullName: String, in file: FileDescriptor) -> String {
    let relative = file.package.isEmpty ? fullName : String(fullName.dropFirst(file.package.count + 1))
    let nested = relative.split(separator: ".").joined(separator: "$")
    let package = javaPackage(of: file)
    let prefix = package.isEmpty ? "" : package + "."
    if file.options.javaMultipleFiles { return prefix + nested }
    return prefix + outerClassName(of: file) + "$" + nested
  }

  private static func outerClassName(of file: FileDescriptor) -> String {
    if file.options.hasJavaOuterClassname { return file.options.javaOuterClassname }
    let base = file.name.split(separator: "/").last.map(String.init) ?? file.name
    let stem = base.hasSuffix(".proto") ? String(base.dropLast(6)) : base
    let name = stem.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { part in
      part.prefix(1).uppercased() + part.dropFirst()
    }.joined()
    let clashes =
      file.messages.contains { $0.name == name } || file.enums.contains { $0.name == name }
      || file.services.contains { $0.name == name }
    return clashes ? name + "OuterClass" : name
  }
}
