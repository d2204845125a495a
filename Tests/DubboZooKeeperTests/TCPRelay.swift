import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
  import Glibc
#endif

/// A TCP relay on loopback between ZooKeeper clients and a server, which a test cuts as a network
/// partition would: ``cut()`` closes the relayed connections and turns new ones away until
/// ``restore()``. Blocking sockets, a thread per direction.
final class TCPRelay: Sendable {
  private struct State {
    var isCut = false
    var isClosed = false
    var sockets: Set<Int32> = []
  }

  /// The relay's port on 127.0.0.1.
  let port: Int
  private let upstreamPort: Int
  private let listener: Int32
  private let state = NIOLockedValueBox(State())

  /// The relay's address.
  var address: String { "127.0.0.1:\(port)" }

  /// Starts relaying to `upstream`, a `127.0.0.1:port` address.
  init(to upstream: String) throws {
    guard upstream.hasPrefix("127.0.0.1:"), let upstreamPort = Int(upstream.dropFirst("127.0.0.1:".count)) else {
      throw TestError("the relay only relays to 127.0.0.1:port, not \(upstream)")
    }
    self.upstreamPort = upstreamPort
    let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = Self.loopback(port: 0)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(listener, $0, length) == 0 && listen(listener, 16) == 0 && getsockname(listener, $0, &length) == 0
      }
    }
    guard bound else {
      Glibc.close(listener)
      throw TestError("the relay could not listen: errno \(errno)")
    }
    self.listener = listener
    port = Int(UInt16(bigEndian: address.sin_port))
    Thread { self.acceptConnections() }.start()
  }

  /// Closes the relayed connections, and every new one at once, until ``restore()``.
  func cut() {
    state.withLockedValue {
      $0.isCut = true
      for socket in $0.sockets { shutdown(socket, Int32(SHUT_RDWR)) }
    }
  }

  /// Relays new connections again.
  func restore() {
    state.withLockedValue { $0.isCut = false }
  }

  /// Stops relaying and listening.
  func close() {
    cut()
    state.withLockedValue { $0.isClosed = true }
    shutdown(listener, Int32(SHUT_RDWR))
  }

  private func acceptConnections() {
    defer { Glibc.close(listener) }
    while true {
      let client = accept(listener, nil, nil)
      if client < 0 {
        if errno == EINTR { continue }
        return
      }
      guard track(client) else {
        Glibc.close(client)
        continue
      }
      let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = Self.loopback(port: upstreamPort)
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
        }
      }
      guard connected, track(server) else {
        untrackAndClose([client])
        Glibc.close(server)
        continue
      }
      let directions = NIOLockedValueBox(2)
      for (from, to) in [(client, server), (server, client)] {
        Thread {
          Self.pump(from, to)
          let done = directions.withLockedValue {
            $0 -= 1
            return $0 == 0
          }
          if done { self.untrackAndClose([client, server]) }
        }.start()
      }
    }
  }

  /// Adds a socket to those ``cut()`` closes, unless the relay is cut.
  private func track(_ socket: Int32) -> Bool {
    state.withLockedValue {
      guard !$0.isCut, !$0.isClosed else { return false }
      $0.sockets.insert(socket)
      return true
    }
  }

  private func untrackAndClose(_ sockets: [Int32]) {
    state.withLockedValue { $0.sockets.subtract(sockets) }
    for socket in sockets { Glibc.close(socket) }
  }

  /// Copies bytes from one socket to the other until either ends.
  private static func pump(_ from: Int32, _ to: Int32) {
    var buffer = [UInt8](repeating: 0, count: 16384)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { break }
      var sent = 0
      while sent < count {
        let written = buffer.withUnsafeBytes { send(to, $0.baseAddress! + sent, count - sent, Int32(MSG_NOSIGNAL)) }
        guard written > 0 else { break }
        sent += written
      }
      guard sent == count else { break }
    }
    shutdown(from, Int32(SHUT_RDWR))
    shutdown(to, Int32(SHUT_RDWR))
  }

  private static func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}
