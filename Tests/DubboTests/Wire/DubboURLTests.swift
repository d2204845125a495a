import Dubbo
import Testing

@Suite struct DubboURLTests {
  @Test func parsesADirectServiceURL() throws {
    let url = try DubboURL(
      parsing: "dubbo://127.0.0.1:20880/org.apache.dubbo.sample.GreeterService?version=1.0.0&group=g")
    #expect(url.scheme == "dubbo")
    #expect(url.host == "127.0.0.1")
    #expect(url.port == 20880)
    #expect(url.path == "org.apache.dubbo.sample.GreeterService")
    #expect(url.parameters == ["version": "1.0.0", "group": "g"])
    #expect(url.username == nil && url.password == nil)
    #expect(url.address == "127.0.0.1:20880")
  }

  @Test func descriptionSortsParameters() throws {
    let url = try DubboURL(
      parsing: "dubbo://127.0.0.1:20880/org.apache.dubbo.sample.GreeterService?version=1.0.0&group=g")
    #expect(url.description == "dubbo://127.0.0.1:20880/org.apache.dubbo.sample.GreeterService?group=g&version=1.0.0")
    #expect(try DubboURL(parsing: url.description) == url)
  }

  @Test func formatsWithoutOptionalParts() {
    #expect(DubboURL(host: "h").description == "dubbo://h")
    #expect(DubboURL(scheme: "tri", host: "h", port: 50051, path: "a.B").description == "tri://h:50051/a.B")
  }

  @Test func parsesCredentials() throws {
    let url = try DubboURL(parsing: "dubbo://admin:hello1234@10.20.153.10:20880/context/path?version=1.0.0")
    #expect(url.username == "admin")
    #expect(url.password == "hello1234")
    #expect(url.host == "10.20.153.10")
    #expect(url.port == 20880)
    #expect(url.path == "context/path")
    #expect(url.description == "dubbo://admin:hello1234@10.20.153.10:20880/context/path?version=1.0.0")

    let userOnly = try DubboURL(parsing: "dubbo://admin@host:1")
    #expect(userOnly.username == "admin")
    #expect(userOnly.password == nil)
    #expect(userOnly.description == "dubbo://admin@host:1")
  }

  @Test func portIsOptional() throws {
    let url = try DubboURL(parsing: "dubbo://provider.example/com.foo.Svc")
    #expect(url.host == "provider.example")
    #expect(url.port == nil)
    #expect(url.address == "provider.example")
    #expect(url.description == "dubbo://provider.example/com.foo.Svc")
  }

  /// The host is what `connect` takes (no brackets); the address and description put them back.
  @Test func parsesBracketedIPv6() throws {
    let url = try DubboURL(parsing: "dubbo://[::1]:20880/com.foo.Svc?version=1")
    #expect(url.host == "::1")
    #expect(url.port == 20880)
    #expect(url.path == "com.foo.Svc")
    #expect(url.address == "[::1]:20880")
    #expect(url.description == "dubbo://[::1]:20880/com.foo.Svc?version=1")
    #expect(try DubboURL(parsing: url.description) == url)

    let noPort = try DubboURL(parsing: "dubbo://[fe80::1]/com.foo.Svc")
    #expect(noPort.host == "fe80::1")
    #expect(noPort.port == nil)
    #expect(noPort.address == "[fe80::1]")
  }

  @Test func parameterWithoutValueIsItsOwnValueAndEmptyPartsAreSkipped() throws {
    let url = try DubboURL(parsing: "dubbo://h:1/s?anyhost&&=x&empty=&a=b=c")
    #expect(url.parameters == ["anyhost": "anyhost", "empty": "", "a": "b=c"])
  }

  @Test func methodParameterPrefersTheMethodKey() throws {
    let url = try DubboURL(parsing: "dubbo://h:1/s?timeout=1000&sayHello.timeout=5000")
    #expect(url.methodParameter("sayHello", "timeout") == "5000")
    #expect(url.methodParameter("getUser", "timeout") == "1000")
    #expect(url.methodParameter("getUser", "retries") == nil)
  }

  @Test(arguments: [
    "",
    "   ",
    "127.0.0.1:20880/com.foo.Svc",
    "://127.0.0.1:20880",
    "dubbo://",
    "dubbo:///com.foo.Svc",
    "dubbo://:20880/com.foo.Svc",
    "dubbo://host:port/com.foo.Svc",
    "dubbo://host:/com.foo.Svc",
    "dubbo://host:65536",
    "dubbo://host:-1",
    "dubbo://[::1]:x",
  ])
  func rejectsMalformedURLs(_ text: String) {
    #expect(throws: DubboURLError.self) { try DubboURL(parsing: text) }
  }

  @Test func errorNamesTheURLAndTheReason() {
    #expect {
      try DubboURL(parsing: "dubbo://host:port/x")
    } throws: { error in
      guard let error = error as? DubboURLError else { return false }
      return error.url == "dubbo://host:port/x" && error.description.contains("'port' is not a port number")
    }
  }
}
