/// The Dubbo protocol version string that opens a request body.
enum DubboProtocolVersion {
  /// What Java Dubbo and dubbo-go send: `2.0.2`.
  static let current = "2.0.2"

  /// Whether a consumer that sent `version` accepts a response carrying attachments: Java's
  /// `Version.isSupportResponseAttachment`, true from 2.0.2 through 2.0.99.
  static func supportsResponseAttachments(_ version: String?) -> Bool {
    guard let version else { return false }
    // What nearly every consumer sends, answered without parsing.
    if version == current { return true }
    guard let number = javaIntVersion(version) else { return false }
    return (2_000_200...2_009_900).contains(number)
  }

  /// Java's `Version.getIntVersion`: the leading digits of each dot-separated part weighted by
  /// powers of 100, scaled by 100 when there are exactly three parts (`2.0.2` is 2000200).
  static func javaIntVersion(_ version: String) -> Int? {
    // Java's `String.split("\\.")`: empty parts count (`2..2` has three), trailing ones do not.
    var parts = version.split(separator: ".", omittingEmptySubsequences: false)
    while parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
    // A consumer chooses this string: a version too long for an integer is no known version.
    var number = 0
    for part in parts {
      let digits = part.prefix { $0.isASCII && $0.isNumber }
      guard digits.count < 10 else { return nil }
      let (shifted, shiftOverflow) = number.multipliedReportingOverflow(by: 100)
      let (sum, sumOverflow) = shifted.addingReportingOverflow(Int(digits) ?? 0)
      guard !shiftOverflow, !sumOverflow else { return nil }
      number = sum
    }
    guard parts.count == 3 else { return number }
    let (scaled, overflow) = number.multipliedReportingOverflow(by: 100)
    return overflow ? nil : scaled
  }
}
