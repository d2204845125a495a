/// The Mustache templates of the files protoc-gen-dubbo-swift writes, embedded at build time.
public enum DubboTemplates {
  /// Each template's text by name (the file name without `.mustache`).
  public static let all: [String: String] = [
    "file": String(decoding: PackageResources.file_mustache, as: UTF8.self),
    "message": String(decoding: PackageResources.message_mustache, as: UTF8.self),
    "enum": String(decoding: PackageResources.enum_mustache, as: UTF8.self),
    "service": String(decoding: PackageResources.service_mustache, as: UTF8.self),
  ]
}
