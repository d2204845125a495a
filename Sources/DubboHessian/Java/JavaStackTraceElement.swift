/// One frame of a Java stack trace (`java.lang.StackTraceElement`).
///
/// Written with the four fields every JDK has, in the order a JDK 8 hessian-lite writes them
/// (`lineNumber`, `fileName`, `methodName`, `declaringClass`); JDK 9 and later also write
/// `format`, `moduleVersion`, `moduleName` and `classLoaderName`, which reading skips.
public struct JavaStackTraceElement: HessianObjectCodable, Hashable, Sendable, CustomStringConvertible {
  /// The binary name of the class, for example `com.foo.Service$Impl`.
  public var declaringClass: String
  /// The method name.
  public var methodName: String
  /// The source file name, if known.
  public var fileName: String?
  /// The line number; negative when unknown, -2 for a native method.
  public var lineNumber: Int32

  /// Creates a frame.
  public init(declaringClass: String, methodName: String, fileName: String? = nil, lineNumber: Int32 = -1) {
    self.declaringClass = declaringClass
    self.methodName = methodName
    self.fileName = fileName
    self.lineNumber = lineNumber
  }

  /// The frame as JDK 8's `toString()` writes it, for example `com.foo.Bar.run(Bar.java:42)`.
  public var description: String {
    let location: String
    if lineNumber == -2 {
      location = "Native Method"
    } else if let fileName {
      location = lineNumber >= 0 ? "\(fileName):\(lineNumber)" : fileName
    } else {
      location = "Unknown Source"
    }
    return "\(declaringClass).\(methodName)(\(location))"
  }

  /// `java.lang.StackTraceElement` with the four fields of every JDK.
  public static let hessianClass = HessianClassDefinition(
    className: "java.lang.StackTraceElement",
    fieldNames: ["lineNumber", "fileName", "methodName", "declaringClass"]
  )

  /// Writes the frame.
  public func encode(to encoder: inout HessianEncoder) {
    encoder.writeObjectHeader(Self.hessianClass)
    encoder.writeInt(lineNumber)
    encoder.encode(fileName)
    encoder.writeString(methodName)
    encoder.writeString(declaringClass)
  }

  /// Reads a frame, skipping the fields of newer JDKs.
  public init(from decoder: inout HessianDecoder) throws {
    let header = try decoder.readObjectHeader(expecting: Self.hessianClass)
    self.init(declaringClass: "", methodName: "")
    for field in header.fieldIndexes {
      switch field {
      case 0: lineNumber = try decoder.decode(Int32.self)
      case 1: fileName = try decoder.decode(String?.self)
      case 2: methodName = try decoder.decode(String.self)
      case 3: declaringClass = try decoder.decode(String.self)
      default: try decoder.skipValue()
      }
    }
  }
}
