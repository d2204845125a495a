import Synchronization

/// Request ids: one process-wide counter, starting at a random value and wrapping through the
/// negative numbers, as Java Dubbo 3.1 and later do.
enum DubboRequestID {
  private static let counter = Atomic<Int64>(Int64.random(in: Int64.min...Int64.max))

  static func next() -> Int64 {
    counter.wrappingAdd(1, ordering: .relaxed).newValue
  }
}
