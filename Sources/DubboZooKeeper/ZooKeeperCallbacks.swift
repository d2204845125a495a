internal import CZooKeeper
import NIOConcurrencyHelpers

/// The state of a session, as the C client's watcher reports it.
enum ZooKeeperSessionState: Hashable, Sendable {
  /// Looking for a server, or (re)connecting to one: at the start and after a connection loss.
  case connecting
  /// Connected: operations are answered.
  case connected
  /// The server expired the session: its ephemeral nodes and watches are gone, the handle is
  /// useless.
  case expired
  /// The server rejected the session's credentials: the handle is useless.
  case authenticationFailed
  /// Another state of the client's (read-only, for example), by its value.
  case other(Int32)

  init(_ state: Int32) {
    switch state {
    case ZOO_CONNECTING_STATE, ZOO_ASSOCIATING_STATE, ZOO_NOTCONNECTED_STATE: self = .connecting
    case ZOO_CONNECTED_STATE: self = .connected
    case ZOO_EXPIRED_SESSION_STATE: self = .expired
    case ZOO_AUTH_FAILED_STATE: self = .authenticationFailed
    default: self = .other(state)
    }
  }
}

/// Something a session's watcher reported.
enum ZooKeeperEvent: Hashable, Sendable {
  /// The session's state changed.
  case session(ZooKeeperSessionState)
  /// A watched node was created, changed or deleted, or its children changed: read it again
  /// (which also watches it again).
  case node(String)
}

/// What a completed operation returned.
enum ZooKeeperReply: Sendable {
  /// It was done.
  case done
  /// The names of a node's children.
  case children([String])
  /// The node exists; the session owning it, 0 unless it is ephemeral.
  case node(ephemeralOwner: Int64)
  /// The node does not exist.
  case absent
}

/// What the C client calls back into for one session: its watcher, and the table of operations
/// waiting for their completion.
final class ZooKeeperCallbacks: Sendable {
  private struct Shared {
    var state = ZooKeeperSessionState.connecting
    var pending: [UInt64: ZooKeeperPendingCall] = [:]
    var nextCallID: UInt64 = 0
  }

  let events: AsyncStream<ZooKeeperEvent>
  private let sink: AsyncStream<ZooKeeperEvent>.Continuation
  private let shared = NIOLockedValueBox(Shared())

  init() {
    (events, sink) = AsyncStream.makeStream()
  }

  var state: ZooKeeperSessionState { shared.withLockedValue { $0.state } }

  /// The session's watcher: `type` is one of the client's `ZOO_*_EVENT`s, `state` one of its
  /// `ZOO_*_STATE`s.
  func watcherFired(type: Int32, state: Int32, path: UnsafePointer<CChar>?) {
    if type == ZOO_SESSION_EVENT {
      let state = ZooKeeperSessionState(state)
      // The client may hand a state change to every watch as well: report each change once.
      let changed = shared.withLockedValue { shared in
        defer { shared.state = state }
        return shared.state != state
      }
      if changed { sink.yield(.session(state)) }
    } else if type != ZOO_NOTWATCHING_EVENT, let path {
      sink.yield(.node(String(cString: path)))
    }
  }

  /// A call waiting for its completion, in the pending table, and its pointer for the client: it
  /// is retained (for the client) before it is in the table, where anyone can take and release it.
  func makeCall(
    _ operation: String,
    _ path: String,
    _ continuation: CheckedContinuation<Result<ZooKeeperReply, ZooKeeperError>, Never>
  ) -> (ZooKeeperPendingCall, UnsafeRawPointer) {
    shared.withLockedValue {
      let call = ZooKeeperPendingCall(id: $0.nextCallID, operation, path, continuation, callbacks: self)
      let data = UnsafeRawPointer(Unmanaged.passRetained(call).toOpaque())
      $0.pending[call.id] = call
      $0.nextCallID += 1
      return (call, data)
    }
  }

  /// Takes a call out of the pending table; `nil` when someone else already did.
  func take(_ id: UInt64) -> ZooKeeperPendingCall? {
    shared.withLockedValue { $0.pending.removeValue(forKey: id) }
  }

  /// After `zookeeper_close` has returned: fails the calls whose completion never came, and
  /// finishes ``events``.
  func abandonPendingCalls() {
    let abandoned = shared.withLockedValue { shared in
      defer { shared.pending = [:] }
      return shared.pending.values
    }
    for call in abandoned {
      call.finish(ZCLOSING.rawValue) { .done }
    }
    sink.finish()
  }
}

/// One `zoo_a*` call waiting for its completion. The client holds it retained, as the call's
/// `data`, until ``finish(_:_:)`` releases it.
final class ZooKeeperPendingCall: Sendable {
  let id: UInt64
  private let operation: String
  private let path: String
  private let continuation: CheckedContinuation<Result<ZooKeeperReply, ZooKeeperError>, Never>
  private let callbacks: ZooKeeperCallbacks

  init(
    id: UInt64,
    _ operation: String,
    _ path: String,
    _ continuation: CheckedContinuation<Result<ZooKeeperReply, ZooKeeperError>, Never>,
    callbacks: ZooKeeperCallbacks
  ) {
    self.id = id
    self.operation = operation
    self.path = path
    self.continuation = continuation
    self.callbacks = callbacks
  }

  /// A completion: `data` is the call's pointer, `code` the client's result, `reply` what the
  /// call returned (read only when `code` is `ZOK`).
  static func complete(_ data: UnsafeRawPointer?, _ code: Int32, _ reply: () -> ZooKeeperReply) {
    guard let data else { return }
    Unmanaged<ZooKeeperPendingCall>.fromOpaque(data).takeUnretainedValue().finish(code, reply)
  }

  /// Resumes the caller with the result and releases the client's reference, unless someone else
  /// already did.
  func finish(_ code: Int32, _ reply: () -> ZooKeeperReply) {
    guard callbacks.take(id) != nil else { return }
    if code == ZOK.rawValue {
      continuation.resume(returning: .success(reply()))
    } else {
      let error = ZooKeeperError(code: .init(rawValue: code), path: path, message: "could not \(operation)")
      continuation.resume(returning: .failure(error))
    }
    Unmanaged.passUnretained(self).release()
  }
}
