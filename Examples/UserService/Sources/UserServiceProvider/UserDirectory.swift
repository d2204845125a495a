import DubboHessian
import Foundation
import SampleServices
import SwiftProtobuf

/// `org.apache.dubbo.sample.user.UserService`: users kept in memory.
///
/// A failure reaches the consumer as the Java exception thrown here (`JavaThrowable`), the way a
/// Java provider's exception reaches a Java consumer.
struct UserDirectory: Users_UserService.SimpleServiceProtocol {
  let store = UserStore(seed: [.graceHopper])

  /// `UserProfile register(String name, Role role, BigDecimal initialBalance)`.
  func register(request: Users_RegisterRequest) async throws -> Users_UserProfile {
    guard !request.name.isEmpty else {
      throw JavaThrowable(className: "java.lang.IllegalArgumentException", message: "name is empty")
    }
    return await store.add(
      .with {
        $0.name = request.name
        $0.role = request.role
        $0.balance = request.initialBalance.isEmpty ? "0" : request.initialBalance
        $0.createdAt = Google_Protobuf_Timestamp(date: Date())
      }
    )
  }

  /// `UserProfile find(long id)`.
  func findByID(request: Users_UserIdRequest) async throws -> Users_UserProfile {
    guard let profile = await store.profile(id: request.id) else { throw noSuchUser("id \(request.id)") }
    return profile
  }

  /// `UserProfile find(String name)`, an overload of `find(long)`.
  func findByName(request: Users_UserNameRequest) async throws -> Users_UserProfile {
    guard let profile = await store.profile(named: request.name) else { throw noSuchUser("name \(request.name)") }
    return profile
  }

  /// `UserProfile update(UserProfile profile)`: replaces the user with the same id.
  func update(request: Users_UserProfile) async throws -> Users_UserProfile {
    guard await store.replace(request) else { throw noSuchUser("id \(request.id)") }
    return request
  }

  /// `List<UserProfile> listUsers()`, by id.
  func listUsers(request: Users_Empty) async throws -> Users_UserList {
    let users = await store.all()
    return .with { $0.users = users }
  }

  /// `String describe(long id)`.
  func describe(request: Users_UserIdRequest) async throws -> Users_Description {
    guard let profile = await store.profile(id: request.id) else { throw noSuchUser("id \(request.id)") }
    var text = "\(profile.name) (\(profile.role.javaName))"
    if profile.hasAge { text += ", \(profile.age)" }
    text += ", balance \(profile.balance)"
    if profile.hasAddress { text += ", lives in \(profile.address.city)" }
    if !profile.tags.isEmpty { text += ", into \(profile.tags.joined(separator: ", "))" }
    return .with { $0.text = text }
  }

  private func noSuchUser(_ key: String) -> JavaThrowable {
    JavaThrowable(className: "java.util.NoSuchElementException", message: "no user with \(key)")
  }
}

/// The users, by id.
actor UserStore {
  private var profiles: [Int64: Users_UserProfile] = [:]
  private var lastID: Int64 = 0

  /// Creates a store holding `seed`.
  init(seed: [Users_UserProfile]) {
    for profile in seed {
      profiles[profile.id] = profile
      lastID = max(lastID, profile.id)
    }
  }

  /// Stores `profile` under the next id and returns it with that id.
  func add(_ profile: Users_UserProfile) -> Users_UserProfile {
    lastID += 1
    var profile = profile
    profile.id = lastID
    profiles[lastID] = profile
    return profile
  }

  /// The user with `id`.
  func profile(id: Int64) -> Users_UserProfile? { profiles[id] }

  /// The first user, by id, named `name`.
  func profile(named name: String) -> Users_UserProfile? {
    all().first { $0.name == name }
  }

  /// Replaces the user with `profile`'s id; false when there is none.
  func replace(_ profile: Users_UserProfile) -> Bool {
    guard profiles[profile.id] != nil else { return false }
    profiles[profile.id] = profile
    return true
  }

  /// Every user, by id.
  func all() -> [Users_UserProfile] {
    profiles.values.sorted { $0.id < $1.id }
  }
}

extension Users_UserProfile {
  /// The user the directory starts with: every field set.
  static let graceHopper = Users_UserProfile.with {
    $0.id = 1
    $0.name = "Grace Hopper"
    $0.role = .admin
    $0.age = 85
    $0.nickname = Google_Protobuf_StringValue("Amazing Grace")
    $0.createdAt = Google_Protobuf_Timestamp(seconds: 1_700_000_000, nanos: 123_000_000)
    $0.balance = "1906.12"
    $0.address = .with {
      $0.street = "1 Navy Pentagon"
      $0.city = "Arlington"
      $0.country = "US"
    }
    $0.tags = ["navy", "compilers", "COBOL"]
    $0.preferences = ["language": "COBOL", "theme": "dark"]
    $0.previousAddresses = [
      .with {
        $0.street = "25 East 91st Street"
        $0.city = "New York"
        $0.country = "US"
      },
      .with {
        $0.street = "124 Raymond Avenue"
        $0.city = "Poughkeepsie"
        $0.country = "US"
      },
    ]
  }
}
