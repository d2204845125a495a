#if canImport(Glibc)
  import Glibc
#endif

/// Loopback ports for servers the tests start as child processes, which must be told their port.
public enum LoopbackPort {
  /// A port in 20000–32767 (below Linux's ephemeral range, so no client connection takes it
  /// meanwhile) that nothing is bound to.
  public static func free() throws -> Int {
    for _ in 0..<100 {
      let port = Int.random(in: 20000...32767)
      if withSocket(to: port, { socket, address, length in bind(socket, address, length) }) == 0 { return port }
    }
    throw ChildProcessError("found no free loopback port")
  }

  /// Whether a server accepts connections on `port`.
  public static func isListening(_ port: Int) -> Bool {
    withSocket(to: port) { socket, address, length in connect(socket, address, length) } == 0
  }

  /// Runs `body` with a new TCP socket and the address of 127.0.0.1:`port`, then closes the socket.
  private static func withSocket(
    to port: Int,
    _ body: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32
  ) -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        body(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
  }
}
