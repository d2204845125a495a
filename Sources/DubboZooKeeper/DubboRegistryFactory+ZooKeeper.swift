import Dubbo

extension DubboRegistryFactory {
  /// A factory that knows `zookeeper://` registry URLs.
  public static var standard: DubboRegistryFactory {
    DubboRegistryFactory().addingZooKeeper()
  }

  /// This factory, also making a ``ZooKeeperRegistry`` for `zookeeper://` registry URLs.
  public func addingZooKeeper() -> DubboRegistryFactory {
    adding(scheme: "zookeeper") { url, logger in
      try ZooKeeperRegistry(url: url, logger: logger)
    }
  }
}
