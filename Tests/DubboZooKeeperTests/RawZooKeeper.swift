import CZooKeeper
import Foundation

/// A plain session of the C client, with its synchronous calls: the registry's nodes as a third
/// party (Java's Curator, zkCli) sees them.
final class RawZooKeeper: @unchecked Sendable {
  private let handle: OpaquePointer

  /// Connects to `address`, resuming the session `clientID` when given.
  /// - Throws: when no server answers within 10 s or the session has expired.
  init(_ address: String, clientID: clientid_t? = nil) async throws {
    let handle: OpaquePointer?
    if var clientID {
      handle = zookeeper_init2(address, { _, _, _, _, _ in }, 10_000, &clientID, nil, 0, { _ in })
    } else {
      handle = zookeeper_init2(address, { _, _, _, _, _ in }, 10_000, nil, nil, 0, { _ in })
    }
    guard let handle else { throw TestError("zookeeper_init2(\(address)) failed: errno \(errno)") }
    self.handle = handle
    let deadline = ContinuousClock.now + .seconds(10)
    while zoo_state(handle) != ZOO_CONNECTED_STATE {
      let state = zoo_state(handle)
      guard state != ZOO_EXPIRED_SESSION_STATE, ContinuousClock.now < deadline else {
        zookeeper_close(handle)
        throw TestError(
          state == ZOO_EXPIRED_SESSION_STATE
            ? "the session has expired"
            : "no ZooKeeper server answers at \(address): start one with scripts/zookeeper.sh start "
              + "(scripts/test.sh does, and exports DUBBO_TEST_ZOOKEEPER)")
      }
      try await Task.sleep(for: .milliseconds(10))
    }
  }

  /// The names of a node's children, sorted; `nil` when the node does not exist.
  func children(_ path: String) throws -> [String]? {
    var strings = String_vector()
    let code = zoo_get_children(handle, path, 0, &strings)
    if code == ZNONODE.rawValue { return nil }
    try check(code, "list the children of \(path)")
    defer { deallocate_String_vector(&strings) }
    return (0..<Int(strings.count)).map { String(cString: strings.data[$0]!) }.sorted()
  }

  /// A node's status; `nil` when it does not exist.
  func stat(_ path: String) throws -> Stat? {
    var stat = Stat()
    let code = zoo_exists(handle, path, 0, &stat)
    if code == ZNONODE.rawValue { return nil }
    try check(code, "look up \(path)")
    return stat
  }

  /// Creates a persistent node without data, as an administrator's tool would.
  func createPersistent(_ path: String) throws {
    try check(zoo_create(handle, path, nil, -1, czookeeper_open_acl_unsafe(), ZOO_PERSISTENT, nil, 0), "create \(path)")
  }

  /// Deletes a node if it exists.
  func deleteIfPresent(_ path: String) throws {
    let code = zoo_delete(handle, path, -1)
    if code != ZNONODE.rawValue { try check(code, "delete \(path)") }
  }

  /// Ends the session.
  func close() {
    zookeeper_close(handle)
  }

  private func check(_ code: Int32, _ what: String) throws {
    guard code == ZOK.rawValue else { throw TestError("could not \(what): \(String(cString: zerror(code)))") }
  }

  /// Makes the server expire a session, as tests of ZooKeeper clients do: another client resumes
  /// it with its id and password, then closes it. (The owner, cut off meanwhile, learns on
  /// reconnecting that its session has expired.)
  static func expire(_ clientID: clientid_t, at address: String) async throws {
    try await RawZooKeeper(address, clientID: clientID).close()
  }
}

/// A test's own failure, with its reason.
struct TestError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
