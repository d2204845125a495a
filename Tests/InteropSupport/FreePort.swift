#if canImport(Glibc)
  import Glibc
#endif

/// Ports for servers the tests start as child processes, which must be told their port.
public enum FreePort {
  /// A loopback port in 20000–32767 (below Linux's ephemeral range, so no client connection takes
  /// it meanwhile) that nothing is bound to.
  public static func find() throws -> Int {
    for _ in 0..<100 {
      let port = Int.random(in: 20000...32767)
      let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      defer { close(socket) }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = in_port_t(port).bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      if bound == 0 { return port }
    }
    throw ChildProcessError("found no free loopback port")
  }
}
