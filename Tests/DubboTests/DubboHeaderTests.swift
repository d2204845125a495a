import Dubbo
import NIOCore
import Testing

@Suite struct DubboHeaderTests {
  @Test func placeholder() {}
}
