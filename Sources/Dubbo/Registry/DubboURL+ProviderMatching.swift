extension DubboURL {
  /// Whether a consumer described by `consumer` may call the provider this URL describes, as
  /// Java's `UrlUtils.isMatch` and `RegistryDirectory` decide:
  /// - the interface is the same (or either side is `*`);
  /// - the provider's `category` is `providers` (the default);
  /// - the provider is not `enabled=false` (unless the consumer asks for `enabled=*`);
  /// - the consumer's `group` is `*`, absent on both sides, equal, or a comma-separated list
  ///   containing the provider's;
  /// - the consumer's `version` is `*` or equal (absent and `0.0.0` are the same);
  /// - the scheme is the consumer's `protocol` (one of its comma-separated values), by default
  ///   `dubbo`; `empty://` never matches.
  public func isProvider(for consumer: DubboURL) -> Bool {
    let consumerInterface = consumer.parameters["interface"] ?? consumer.path
    let interface = parameters["interface"] ?? path
    guard consumerInterface == "*" || interface == "*" || consumerInterface == interface else { return false }
    guard (parameters["category"] ?? "providers") == "providers" else { return false }
    guard parameters["enabled"] != "false" || consumer.parameters["enabled"] == "*" else { return false }
    guard scheme != "empty" else { return false }
    let protocols = (consumer.parameters["protocol"] ?? "dubbo").split(separator: ",")
    guard protocols.contains(where: { $0 == scheme }) else { return false }

    let consumerGroup = consumer.nonEmptyParameter("group")
    let group = nonEmptyParameter("group")
    let groupMatches =
      consumerGroup == "*" || consumerGroup == group
      || (group != nil && consumerGroup?.split(separator: ",").contains { $0 == group! } == true)
    guard groupMatches else { return false }
    let consumerVersion = consumer.parameters["version"]
    return consumerVersion == "*"
      || DubboServiceDescriptor.normalizedVersion(consumerVersion)
        == DubboServiceDescriptor.normalizedVersion(parameters["version"])
  }

  func nonEmptyParameter(_ key: String) -> String? {
    guard let value = parameters[key], !value.isEmpty else { return nil }
    return value
  }
}
