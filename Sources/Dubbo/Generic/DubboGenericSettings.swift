/// How a provider answers generic (`$invoke`) calls of services that do not implement `$invoke`
/// themselves.
public struct DubboGenericSettings: Sendable, Hashable {
  /// Whether a generalized object carries a `class` entry naming its Java class (Java's
  /// `generic.include.class`, default `true`). Without it a consumer gets plain maps and cannot
  /// turn them back into typed values.
  public var includesClass: Bool
  /// Whether an exception the method throws reaches the consumer wrapped in
  /// `com.alibaba.dubbo.rpc.service.GenericException`, as Dubbo 2.7 providers (and 3.x ones with
  /// dubbo-compatible) send it, instead of as itself, as Dubbo 3 sends it by default. Consumers
  /// without the exception's class need the wrapper.
  public var wrapsExceptions: Bool

  /// Creates settings; the defaults are Java Dubbo 3's.
  public init(includesClass: Bool = true, wrapsExceptions: Bool = false) {
    self.includesClass = includesClass
    self.wrapsExceptions = wrapsExceptions
  }
}
