internal import CZooKeeper

/// A ZooKeeper operation that failed, with the C client's error code.
public struct ZooKeeperError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An error code of Apache ZooKeeper's C client (its `ZOO_ERRORS`).
  public struct Code: RawRepresentable, Hashable, Sendable {
    /// The C client's value, for example `-4` for a lost connection.
    public var rawValue: Int32

    /// Creates a code from the C client's value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `ZSYSTEMERROR`: the C client could not be set up (see the message).
    public static let systemError = Code(rawValue: ZSYSTEMERROR.rawValue)
    /// `ZCONNECTIONLOSS`: no server answered; the operation may or may not have happened.
    public static let connectionLoss = Code(rawValue: ZCONNECTIONLOSS.rawValue)
    /// `ZOPERATIONTIMEOUT`: the server did not answer in time.
    public static let operationTimeout = Code(rawValue: ZOPERATIONTIMEOUT.rawValue)
    /// `ZBADARGUMENTS`: a malformed path or setting.
    public static let badArguments = Code(rawValue: ZBADARGUMENTS.rawValue)
    /// `ZINVALIDSTATE`: the session has expired and its handle can no longer be used.
    public static let invalidState = Code(rawValue: ZINVALIDSTATE.rawValue)
    /// `ZNONODE`: the node does not exist.
    public static let noNode = Code(rawValue: ZNONODE.rawValue)
    /// `ZNODEEXISTS`: the node already exists.
    public static let nodeExists = Code(rawValue: ZNODEEXISTS.rawValue)
    /// `ZSESSIONEXPIRED`: the server expired the session.
    public static let sessionExpired = Code(rawValue: ZSESSIONEXPIRED.rawValue)
    /// `ZCLOSING`: the session, or the registry, is closing or closed.
    public static let closing = Code(rawValue: ZCLOSING.rawValue)
    /// `ZSESSIONMOVED`: the session moved to another server meanwhile.
    public static let sessionMoved = Code(rawValue: ZSESSIONMOVED.rawValue)
  }

  /// What the C client reported.
  public var code: Code
  /// The node the operation was about, if any.
  public var path: String?
  /// What was being done.
  public var message: String

  /// Creates an error.
  public init(code: Code, path: String? = nil, message: String) {
    self.code = code
    self.path = path
    self.message = message
  }

  /// The message, the node and the C client's text for the code.
  public var description: String {
    let node = path.map { " \($0)" } ?? ""
    return "ZooKeeper: \(message)\(node): \(String(cString: zerror(code.rawValue))) (\(code.rawValue))"
  }

  /// Whether the operation may succeed if tried again once the connection or session is back.
  var isTransient: Bool {
    [.connectionLoss, .operationTimeout, .invalidState, .sessionExpired, .closing, .sessionMoved].contains(code)
  }
}
