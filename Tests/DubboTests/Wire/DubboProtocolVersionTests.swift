import Testing

@testable import Dubbo

@Suite struct DubboProtocolVersionTests {
  @Test func currentIsWhatJavaSends() {
    #expect(DubboProtocolVersion.current == "2.0.2")
  }

  /// Java's `Version.isSupportResponseAttachment`: `getIntVersion(v)` in [2000200, 2009900].
  @Test(arguments: [
    ("2.0.2", true),
    ("2.0.99", true),
    ("2.0.10", true),  // 2*10^4 + 0*10^2 + 10 = 20010, three parts: x100 = 2001000
    ("2.0.2-SNAPSHOT", true),  // only the leading digits of each part count
    ("2.0.1", false),
    ("2.0.100", false),  // 20100 x100 = 2010000
    ("2.7.0", false),
    ("3.0.0", false),
    ("2.5.4", false),
    ("2..2", true),  // Java's split keeps the empty middle part: 20002 x100
    ("", false),
    ("garbage", false),
  ])
  func supportsResponseAttachments(_ version: String, _ supported: Bool) {
    #expect(DubboProtocolVersion.supportsResponseAttachments(version) == supported)
  }

  @Test func nilVersionDoesNotSupportAttachments() {
    #expect(!DubboProtocolVersion.supportsResponseAttachments(nil))
  }

  @Test(arguments: [
    ("2.6.3", 2_060_300),
    ("2.0.2", 2_000_200),
    ("2.0.10", 2_001_000),
    ("3.2", 302),  // two parts: not scaled
    ("2.0.2.1", 2_000_201),  // four parts: not scaled
    ("2.0.", 200),  // trailing empty parts are dropped, as Java's split does
  ])
  func javaIntVersion(_ version: String, _ number: Int) {
    #expect(DubboProtocolVersion.javaIntVersion(version) == number)
  }

  /// Found by the fuzzer: versions that overflow an integer once crashed the provider.
  @Test(arguments: ["1..........1", "999999999.0.0.0.0.0", "2.0.0.0.0.0.0.0.0.0.0", "1234567890.0.2"])
  func versionsTooLongForAnIntegerAreUnknown(_ version: String) {
    #expect(DubboProtocolVersion.javaIntVersion(version) == nil)
    #expect(!DubboProtocolVersion.supportsResponseAttachments(version))
  }
}
