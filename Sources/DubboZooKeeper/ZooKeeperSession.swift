internal import CZooKeeper
import Dubbo
import Foundation
import NIOConcurrencyHelpers

/// One session of Apache ZooKeeper's C client (one `zhandle_t`), bridged to Swift concurrency.
///
/// Operations are the client's asynchronous `zoo_a*` calls, awaited; node watches use the session's
/// own watcher, so every event (the session's state changes and the changes of watched nodes)
/// comes out of ``events``. After the server expires the session the handle is useless: its owner
/// closes it and starts another session.
///
/// Thread safety and lifetime:
/// - The client calls back on its completion thread. Its watcher finds ``ZooKeeperCallbacks``
///   through the handle's context, retained from `zookeeper_init2` until `zookeeper_close` has
///   returned (after which the client calls nothing).
/// - Every `zoo_a*` call carries a retained ``ZooKeeperPendingCall`` as its `data`. Whoever takes
///   the call out of the pending table (its completion; the caller when the client refuses the call,
///   as it then never completes it; ``close()`` for completions that never came) releases it and
///   resumes the caller, exactly once.
/// - The handle is used under `lock`, and only while open. ``close()`` marks it closed under the lock
///   and calls `zookeeper_close` outside it, on a thread of its own: it blocks while it flushes and
///   joins the client's threads.
/// - The operations are `nonisolated(nonsending)`: the request is sent from the caller's actor,
///   before it suspends, so requests go out (and, from one session, are answered) in the order the
///   actor made them.
final class ZooKeeperSession: @unchecked Sendable {
  /// The session's state changes and the changes of the nodes it watches, in the order they
  /// happened; finishes when the session is closed.
  var events: AsyncStream<ZooKeeperEvent> { callbacks.events }

  private let callbacks: ZooKeeperCallbacks
  private let handle: OpaquePointer
  private let lock = NIOLock()
  private var isClosed = false

  /// Starts connecting to `connectString` (`host:port[,host:port…]`).
  /// - Throws: ``ZooKeeperError`` when the client rejects the address or cannot start its threads.
  init(connectString: String, sessionTimeout: Duration) throws(ZooKeeperError) {
    let callbacks = ZooKeeperCallbacks()
    let context = Unmanaged.passRetained(callbacks).toOpaque()
    errno = 0
    let handle = zookeeper_init2(
      connectString,
      { _, type, state, path, context in
        guard let context else { return }
        Unmanaged<ZooKeeperCallbacks>.fromOpaque(context).takeUnretainedValue()
          .watcherFired(type: type, state: state, path: path)
      },
      Int32(clamping: sessionTimeout.milliseconds),
      nil,
      context,
      0,
      { ZooKeeperClientLog.log($0) }
    )
    guard let handle else {
      let reason = errno == 0 ? "rejected" : String(cString: strerror(errno))
      Unmanaged<ZooKeeperCallbacks>.fromOpaque(context).release()
      throw ZooKeeperError(code: .systemError, message: "could not start a session with \(connectString) (\(reason))")
    }
    self.callbacks = callbacks
    self.handle = handle
  }

  /// The session's last known state.
  var state: ZooKeeperSessionState { callbacks.state }

  /// The session's id and password as the server granted them; `nil` once closed. (The id is 0
  /// until the first connection.)
  var clientID: clientid_t? {
    lock.withLock { isClosed ? nil : zoo_client_id(handle)?.pointee }
  }

  /// Creates a node without data, open to everyone: persistent, or ephemeral (removed with the
  /// session).
  nonisolated(nonsending) func create(_ path: String, ephemeral: Bool) async throws(ZooKeeperError) {
    try await perform("create", path) { handle, path, data in
      zoo_acreate(
        handle, path, nil, -1, czookeeper_open_acl_unsafe(), ephemeral ? ZOO_EPHEMERAL : ZOO_PERSISTENT,
        { code, _, data in ZooKeeperPendingCall.complete(data, code) { .done } }, data)
    }
  }

  /// Deletes a node, whatever its version.
  nonisolated(nonsending) func delete(_ path: String) async throws(ZooKeeperError) {
    try await perform("delete", path) { handle, path, data in
      zoo_adelete(handle, path, -1, { code, data in ZooKeeperPendingCall.complete(data, code) { .done } }, data)
    }
  }

  /// The names of a node's children, in no particular order; with `watch`, ``events`` reports
  /// the next change of the children or of the node.
  nonisolated(nonsending) func children(of path: String, watch: Bool) async throws(ZooKeeperError) -> [String] {
    let reply = try await perform("list the children of", path) { handle, path, data in
      zoo_aget_children(
        handle, path, watch ? 1 : 0,
        { code, strings, data in ZooKeeperPendingCall.complete(data, code) { .children(names(strings)) } }, data)
    }
    guard case .children(let names) = reply else { return [] }
    return names
  }

  /// Whether a node exists, and its ephemeral owner (the session id of an ephemeral node, 0 for a
  /// persistent one); with `watch`, ``events`` reports its creation, change or deletion.
  nonisolated(nonsending) func exists(_ path: String, watch: Bool) async throws(ZooKeeperError) -> Int64? {
    let reply = try await perform("look up", path) { handle, path, data in
      zoo_aexists(
        handle, path, watch ? 1 : 0,
        { code, stat, data in
          if code == ZNONODE.rawValue {
            ZooKeeperPendingCall.complete(data, ZOK.rawValue) { .absent }
          } else {
            ZooKeeperPendingCall.complete(data, code) { .node(ephemeralOwner: stat?.pointee.ephemeralOwner ?? 0) }
          }
        }, data)
    }
    guard case .node(let owner) = reply else { return nil }
    return owner
  }

  /// Ends the session: its ephemeral nodes go, calls still pending fail with
  /// ``ZooKeeperError/Code/closing``, ``events`` finishes. Later operations fail the same way.
  func close() async {
    let closing = lock.withLock {
      defer { isClosed = true }
      return !isClosed
    }
    guard closing else { return }
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      Thread {
        zookeeper_close(self.handle)
        continuation.resume()
      }.start()
    }
    callbacks.abandonPendingCalls()
    Unmanaged.passUnretained(callbacks).release()
  }

  /// Sends one request: `start` makes the `zoo_a*` call with the handle, the path and the pending
  /// call's pointer.
  @discardableResult
  private nonisolated(nonsending) func perform(
    _ operation: String,
    _ path: String,
    _ start: (OpaquePointer, UnsafePointer<CChar>, UnsafeRawPointer) -> Int32
  ) async throws(ZooKeeperError) -> ZooKeeperReply {
    let result = await withCheckedContinuation { continuation in
      let (call, data) = callbacks.makeCall(operation, path, continuation)
      let code = lock.withLock {
        isClosed ? ZCLOSING.rawValue : path.withCString { start(handle, $0, data) }
      }
      if code != ZOK.rawValue {
        call.finish(code) { .done }
      }
    }
    return try result.get()
  }
}

/// The names in a list of children the client returned.
private func names(_ strings: UnsafePointer<String_vector>?) -> [String] {
  guard let strings, let data = strings.pointee.data else { return [] }
  return (0..<Int(strings.pointee.count)).compactMap { data[$0].map { String(cString: $0) } }
}
