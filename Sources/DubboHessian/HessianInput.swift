import NIOCore

/// The bytes a ``HessianDecoder`` reads: a `ByteBuffer`'s readable bytes, read where they are.
///
/// The input holds the buffer's storage, which keeps the bytes valid for as long as it lives (the
/// contract of `ByteBuffer.withUnsafeReadableBytesWithStorageManagement`). The bytes are never
/// written: a `ByteBuffer` sharing the storage copies it before writing, since it is not the only
/// owner.
@usableFromInline
struct HessianInput: @unchecked Sendable {
  /// Keeps the memory behind `start` allocated.
  private let storage: AnyObject
  /// The first byte. An empty buffer may have no address; any address will do then, since no
  /// byte is read.
  @usableFromInline let start: UnsafeRawPointer
  /// How many bytes there are.
  @usableFromInline let count: Int

  init(_ buffer: ByteBuffer) {
    (storage, start, count) = buffer.withUnsafeReadableBytesWithStorageManagement { bytes, storage in
      (storage.takeUnretainedValue(), bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, bytes.count)
    }
  }

  /// The bytes, for reads of several at once.
  @inlinable var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: start, count: count) }

  @inlinable subscript(index: Int) -> UInt8 { start.load(fromByteOffset: index, as: UInt8.self) }

  /// Calls `body` with the bytes.
  func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try body(bytes)
  }

  /// A copy of the bytes in `range`.
  func copy(_ range: Range<Int>) -> [UInt8] {
    Array(bytes[range])
  }
}
