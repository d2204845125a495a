import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// The consumer's connections: a fixed number per provider address, opened on first use and
/// opened again on the next call after one is lost or its provider announced shutdown.
final class DubboConnectionPool: Sendable {
  struct Settings: Sendable {
    var connectionsPerAddress: Int
    var connectTimeout: TimeAmount
    var heartbeatInterval: TimeAmount
    var payloadLimit: Int?
  }

  private enum Slot {
    case connecting(EventLoopFuture<any Channel>)
    case ready(any Channel)
  }

  private struct State {
    var slots: [String: [Slot?]] = [:]
    /// When the last connection attempt to an address failed, until one succeeds.
    var failedConnects: [String: NIODeadline] = [:]
    var isShutDown = false
  }

  /// How long an address whose connection attempt failed counts as unreachable.
  static let unreachableInterval = TimeAmount.seconds(2)

  private let group: any EventLoopGroup
  private let settings: Settings
  private let logger: Logger
  private let state = NIOLockedValueBox(State())

  init(group: any EventLoopGroup, settings: Settings, logger: Logger) {
    self.group = group
    self.settings = settings
    self.logger = logger
  }

  /// A connected channel to `provider`.
  /// - Throws: ``DubboError`` with ``DubboStatus/channelInactive`` when the provider cannot be
  ///   reached or the pool is shut down.
  func channel(to provider: DubboProviderEndpoint) async throws -> any Channel {
    let address = provider.address
    let index = settings.connectionsPerAddress == 1 ? 0 : Int.random(in: 0..<settings.connectionsPerAddress)
    let slot: Slot = try state.withLockedValue { state in
      guard !state.isShutDown else {
        throw DubboError(status: .channelInactive, message: "The Dubbo client is shut down")
      }
      if case .ready(let channel) = state.slots[address]?[index], channel.isActive {
        return .ready(channel)
      }
      var slots = state.slots[address] ?? Array(repeating: nil, count: settings.connectionsPerAddress)
      defer { state.slots[address] = slots }
      switch slots[index] {
      case .ready(let channel) where channel.isActive:
        return .ready(channel)
      case .connecting(let future):
        return .connecting(future)
      case .ready, nil:
        let future = connect(host: provider.host, port: provider.port, address: address, index: index)
        slots[index] = .connecting(future)
        return .connecting(future)
      }
    }
    switch slot {
    case .ready(let channel):
      return channel
    case .connecting(let future):
      do {
        return try await future.get()
      } catch {
        throw DubboError(status: .channelInactive, message: "Failed to connect to the provider \(address): \(error)")
      }
    }
  }

  /// Whether `address` (`host:port`) may be reached: false for a while after a connection
  /// attempt to it failed, so the cluster prefers other providers.
  func isReachable(address: String) -> Bool {
    state.withLockedValue { state in
      guard let failed = state.failedConnects[address] else { return true }
      return failed + Self.unreachableInterval < .now()
    }
  }

  /// Called with the lock held.
  ///
  /// The closures below hold the state, not the pool, and a channel's identity, not the channel:
  /// a weak reference would move the object's reference count to a side table, which makes every
  /// later retain and release of it (several per call) slower.
  private func connect(host: String, port: Int, address: String, index: Int) -> EventLoopFuture<any Channel> {
    let settings = settings
    let logger = logger
    let state = state
    let future = ClientBootstrap(group: group)
      .connectTimeout(settings.connectTimeout)
      .channelOption(.socketOption(.tcp_nodelay), value: 1)
      .channelInitializer { channel in
        let channelID = ObjectIdentifier(channel)
        return channel.eventLoop.makeCompletedFuture {
          let handlers = channel.pipeline.syncOperations
          try handlers.addHandler(IdleStateHandler(readTimeout: settings.heartbeatInterval))
          try handlers.addHandler(
            DubboClientHandler(payloadLimit: settings.payloadLimit, logger: logger) {
              Self.forget(channelID, address: address, index: index, in: state)
            }
          )
        }
      }
      .connect(host: host, port: port)
    future.whenComplete { result in
      switch result {
      case .success(let channel):
        logger.debug("Connected to \(address)")
        let shutDown = state.withLockedValue { state in
          guard !state.isShutDown else { return true }
          state.slots[address]?[index] = .ready(channel)
          state.failedConnects[address] = nil
          return false
        }
        if shutDown { channel.close(promise: nil) }
        let channelID = ObjectIdentifier(channel)
        channel.closeFuture.whenComplete { _ in Self.forget(channelID, address: address, index: index, in: state) }
      case .failure:
        state.withLockedValue { state in
          if case .connecting = state.slots[address]?[index] { state.slots[address]?[index] = nil }
          state.failedConnects[address] = .now()
        }
      }
    }
    return future
  }

  /// Stops handing out the channel with identity `channel`, so the next call opens a new connection.
  private static func forget(
    _ channel: ObjectIdentifier,
    address: String,
    index: Int,
    in state: NIOLockedValueBox<State>
  ) {
    state.withLockedValue { state in
      if case .ready(let current) = state.slots[address]?[index], ObjectIdentifier(current) == channel {
        state.slots[address]?[index] = nil
      }
    }
  }

  /// Closes every connection; calls waiting on them fail with ``DubboStatus/channelInactive``.
  func shutDown() async {
    let channels: [any Channel] = state.withLockedValue { state in
      state.isShutDown = true
      defer { state.slots.removeAll() }
      return state.slots.values.flatMap { $0 }.compactMap { slot in
        if case .ready(let channel) = slot { return channel }
        return nil
      }
    }
    for channel in channels {
      try? await channel.close()
    }
  }
}
