import DubboHessian
import Foundation
import NIOCore
import SwiftProtobuf

/// The values every benchmark works on; the Java baseline (`CauchoBaseline/`) builds the same ones.
public enum Fixtures {
  /// `created` of user `i` is this plus `i` seconds, in milliseconds since 1970 UTC.
  public static let baseMilliseconds: Int64 = 1_700_000_000_000
  /// The index of the single-user benchmarks' user.
  public static let singleIndex = 42
  /// How many users the list benchmarks hold.
  public static let listCount = 100

  /// `created` of user `index`, in milliseconds since 1970 UTC.
  public static func milliseconds(_ index: Int) -> Int64 { baseMilliseconds + Int64(index) * 1000 }

  /// User `index` as the hand-written ``User``.
  public static func user(_ index: Int) -> User {
    User(
      id: "id-\(index)",
      name: "user-\(index)",
      age: Int32(index),
      created: Date(timeIntervalSince1970: Double(milliseconds(index)) / 1000)
    )
  }

  /// The same user as the message generated from `Protos/user.proto`.
  public static func generatedUser(_ index: Int) -> Sample_User {
    let created = milliseconds(index)
    return .with {
      $0.id = "id-\(index)"
      $0.name = "user-\(index)"
      $0.age = Int32(index)
      $0.created = Google_Protobuf_Timestamp(seconds: created / 1000, nanos: Int32(created % 1000) * 1_000_000)
    }
  }

  /// The same user as a ``HessianValue``, fields in the order Java writes them.
  public static func userValue(_ index: Int) -> HessianValue {
    .object(
      HessianObject(
        className: "org.apache.dubbo.sample.User",
        fields: [
          .init(name: "created", value: .date(millisecondsSince1970: milliseconds(index))),
          .init(name: "age", value: .int(Int32(index))),
          .init(name: "name", value: .string("user-\(index)")),
          .init(name: "id", value: .string("id-\(index)")),
        ]
      )
    )
  }

  /// The single-user benchmarks' user, hand-written type.
  public static let singleUser = user(singleIndex)
  /// The list benchmarks' users, hand-written type.
  public static let users = (0..<listCount).map(user)
  /// The single-user benchmarks' user, generated type.
  public static let singleGeneratedUser = generatedUser(singleIndex)
  /// The list benchmarks' users, generated type.
  public static let generatedUsers = (0..<listCount).map(generatedUser)
  /// The single-user benchmarks' user as a ``HessianValue``.
  public static let singleUserValue = userValue(singleIndex)
  /// A `java.util.ArrayList` of users: an untyped list.
  public static let usersValue = HessianValue.list(HessianList(type: nil, elements: (0..<listCount).map(userValue)))

  /// Encodes `value` as one message body (a fresh stream).
  public static func encoded(_ value: some HessianEncodable) -> ByteBuffer {
    var encoder = HessianEncoder()
    encoder.encode(value)
    return encoder.buffer
  }

  /// Checks that the three paths (hand-written, generated, ``HessianValue``) write the same bytes
  /// and read back what was written, so that the benchmarks measure working code; and, when `DUBBO_BENCH_DUMP_DIR` is set, writes the bytes
  /// there (`user.bin`, `users.bin`) for the Java baseline to compare with Caucho's.
  public static func verify() {
    let userBytes = encoded(singleUser)
    let usersBytes = encoded(users)
    precondition(userBytes == encoded(singleUserValue), "typed and HessianValue encodings of a User differ")
    precondition(usersBytes == encoded(usersValue), "typed and HessianValue encodings of the list differ")
    precondition(userBytes == encoded(singleGeneratedUser), "hand-written and generated encodings of a User differ")
    precondition(usersBytes == encoded(generatedUsers), "hand-written and generated encodings of the list differ")
    do {
      var decoder = HessianDecoder(buffer: userBytes)
      let user = try decoder.decode(User.self)
      precondition(user == singleUser && decoder.isAtEnd, "User does not round-trip")
      decoder = HessianDecoder(buffer: usersBytes)
      let list = try decoder.decode([User].self)
      precondition(list == users && decoder.isAtEnd, "list does not round-trip")
      decoder = HessianDecoder(buffer: userBytes)
      let generatedUser = try decoder.decode(Sample_User.self)
      precondition(generatedUser == singleGeneratedUser && decoder.isAtEnd, "generated User does not round-trip")
      decoder = HessianDecoder(buffer: usersBytes)
      let generatedList = try decoder.decode([Sample_User].self)
      precondition(generatedList == generatedUsers && decoder.isAtEnd, "generated list does not round-trip")
      decoder = HessianDecoder(buffer: userBytes)
      let userValue = try decoder.decode(HessianValue.self)
      precondition(userValue == singleUserValue, "User value does not round-trip")
      decoder = HessianDecoder(buffer: usersBytes)
      let listValue = try decoder.decode(HessianValue.self)
      precondition(listValue == usersValue, "list value does not round-trip")
    } catch {
      preconditionFailure("decoding failed: \(error)")
    }
    if let directory = ProcessInfo.processInfo.environment["DUBBO_BENCH_DUMP_DIR"], !directory.isEmpty {
      let folder = URL(fileURLWithPath: directory, isDirectory: true)
      try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      for (name, bytes) in [("user.bin", userBytes), ("users.bin", usersBytes)] {
        do {
          try Data(bytes.readableBytesView).write(to: folder.appendingPathComponent(name))
        } catch {
          preconditionFailure("cannot write \(name) to \(directory): \(error)")
        }
      }
    }
  }
}

extension Fixtures {
  /// Encodes `value` as a whole message body (a new encoder, so new stream tables) into `buffer`,
  /// which is cleared first and reused from one operation to the next, as a connection's outbound
  /// buffer would be.
  @inlinable
  public static func encode<Value: HessianEncodable>(_ value: Value, reusing buffer: inout ByteBuffer) {
    buffer.clear()
    var encoder = HessianEncoder()
    encoder.encode(value)
    encoder.write(to: &buffer)
  }
}
