import Dubbo
import DubboHessian
import Foundation
import SwiftProtobuf
import Synchronization
import Testing

/// `org.example.users.UserService` from user_service.proto, with every argument and result shape.
final class UserStore: Users_UserService.ServiceProtocol {
  let profiles = Mutex<[Int64: Users_Profile]>([:])
  let touched = Mutex<[Int64]>([])

  func getProfile(request: Users_IdRequest, context: DubboServerContext) async throws -> Users_Profile {
    guard let profile = profiles.withLock({ $0[request.id] }) else {
      throw JavaThrowable(className: "java.lang.IllegalArgumentException", message: "no profile \(request.id)")
    }
    return profile
  }

  func saveProfile(request: Users_Profile, context: DubboServerContext) async throws -> Users_Profile {
    profiles.withLock { $0[request.id] = request }
    return request
  }

  func find(request: Users_FindRequest, context: DubboServerContext) async throws -> Users_Profiles {
    let matches = profiles.withLock { Array($0.values) }
      .filter { $0.name.contains(request.name) && (request.includeInactive || $0.active) }
      .sorted { $0.id < $1.id }
      .prefix(Int(request.limit))
    return .with { $0.items = Array(matches) }
  }

  func count(request: Users_Empty, context: DubboServerContext) async throws -> Users_CountReply {
    .with { $0.count = Int32(profiles.withLock { $0.count }) }
  }

  func greet(request: Users_NameRequest, context: DubboServerContext) async throws -> Users_GreetingReply {
    .with { $0.greeting = "Hello, \(request.name) (from \(context.attachments[string: "caller"] ?? "?"))" }
  }

  func greetByID(request: Users_IdRequest, context: DubboServerContext) async throws -> Users_GreetingReply {
    .with { $0.greeting = "Hello, user \(request.id)" }
  }

  func rename(request: Users_RenameRequest, context: DubboServerContext) async throws -> Users_Empty {
    profiles.withLock { $0[request.id]?.name = request.name }
    return Users_Empty()
  }

  func echoTypes(request: Users_JavaTypes, context: DubboServerContext) async throws -> Users_JavaTypes {
    request
  }

  func touch(request: Users_IdRequest, context: DubboServerContext) async throws -> Users_Empty {
    touched.withLock { $0.append(request.id) }
    return Users_Empty()
  }
}

/// A profile with every field set, one per Java type the annotations name.
func sampleProfile(id: Int64 = 1) -> Users_Profile {
  .with {
    $0.id = id
    $0.name = "Ada Lovelace"
    $0.role = .admin
    $0.age = 36
    $0.createdAt = Google_Protobuf_Timestamp(javaMilliseconds: 1_700_000_000_123)
    $0.lastLogin = 1_700_000_600_000
    $0.balance = "12345.6789"
    $0.address = .with {
      $0.street = "12 St James's Square"
      $0.city = "London"
      $0.zip = 10001
    }
    $0.tags = ["math", "poetry", "engines"]
    $0.previousAddresses = [.with { $0.city = "Marylebone" }, .with { $0.city = "Ockham" }]
    $0.scores = ["analysis": 98, "algebra": 91, "logic": 87]
    $0.luckyNumbers = [3, 1_815, -9_000_000_000]
    $0.nicknames = ["Enchantress of Numbers"]
    $0.nickname = Google_Protobuf_StringValue("Ada")
    $0.active = true
    $0.rating = 4.75
    $0.weight = 55.5
    $0.level = 7
    $0.avatar = Data([0xCA, 0xFE, 0xBA, 0xBE])
    $0.birthday = "1815-12-10"
    $0.addressesByKind = ["home": .with { $0.city = "London" }]
  }
}

/// A value of every other Java type the annotations can name.
func sampleJavaTypes() -> Users_JavaTypes {
  .with {
    $0.small = -128
    $0.boxedSmall = 127
    $0.initial = "Ω"
    $0.unsigned = 4_000_000_000
    $0.bigUnsigned = 18_000_000_000_000_000_000
    $0.ratio = 0.25
    $0.maybe = 2.5
    $0.flag = false
    $0.population = "-123456789012345678901234567890"
    $0.localTime = "10:15:30.123"
    $0.localDateTime = "2024-02-29T23:59:59"
    $0.offsetDateTime = "2024-01-02T10:15:30+01:00"
    $0.zonedDateTime = "2024-01-02T10:15:30+01:00[Europe/Paris]"
    $0.period = "P1Y2M3D"
    $0.yearMonth = "2024-11"
    $0.zone = "America/New_York"
    $0.instant = Google_Protobuf_Timestamp(seconds: 1_700_000_000, nanos: 123_456_789)
    $0.elapsed = Google_Protobuf_Duration(seconds: -90, nanos: -500_000_000)
    $0.anything = Google_Protobuf_Value(listValue: [1.5, "two", true, nil])
    $0.attributes = ["colour": "blue", "size": 3]
    $0.names = ["a", "b", ""]
    $0.counts = [1, 2, 3]
    $0.roles = [.admin, .guest]
    $0.labels = [2: "two", 1: "one"]
    $0.totals = ["q1": 1_700_000_000_000, "q2": 1_710_000_000_000]
    $0.moments = [Google_Protobuf_Timestamp(javaMilliseconds: -1), Google_Protobuf_Timestamp(javaMilliseconds: 0)]
    $0.postal = .with { $0.city = "Paris" }
  }
}

@Suite("Generated code: UserService over hessian2, every argument and result shape")
struct UserServiceTests {
  @Test("the descriptors name Java's interface, version, group, overloads and parameter types")
  func descriptors() {
    #expect(Users_UserService.descriptor.serviceKey == "users/org.example.users.UserService:1.0.0")
    #expect(Users_UserService.timeout == .milliseconds(3000))
    #expect(Users_UserService.Method.getProfile.parameterDescriptor == "J")
    #expect(Users_UserService.Method.find.parameterDescriptor == "Ljava/lang/String;IZ")
    #expect(Users_UserService.Method.find.returnType == .object("java.util.List"))
    #expect(Users_UserService.Method.count.parameterDescriptor == "")
    #expect(Users_UserService.Method.count.returnType == .int)
    #expect(Users_UserService.Method.greet.name == "greet")
    #expect(Users_UserService.Method.greetByID.name == "greet")
    #expect(Users_UserService.Method.greetByID.parameterDescriptor == "J")
    #expect(Users_UserService.Method.rename.returnType == .void)
    #expect(Users_UserService.Method.touch.isOneway)
  }

  @Test("Java field order: primitive-like fields, then the others, reversed")
  func fieldOrder() {
    #expect(
      Users_Profile.hessianClass.fieldNames == [
        "addressesByKind", "birthday", "avatar", "nicknames", "luckyNumbers", "scores", "previousAddresses", "tags",
        "address", "balance", "lastLoginAt", "createdAt", "role", "level", "weight", "rating", "active", "nickname",
        "age", "name", "id",
      ]
    )
  }

  @Test("every Java type of a message survives a call both ways")
  func roundTrip() async throws {
    try await withLoopback([UserStore()]) { client, port in
      let users = Users_UserService.Client(
        client: client, reference: Users_UserService.reference(host: "127.0.0.1", port: port).patient)
      let profile = sampleProfile()
      let saved = try await users.saveProfile(profile)
      #expect(saved == profile)
      let fetched = try await users.getProfile(.with { $0.id = 1 })
      #expect(fetched == profile)

      var sparse = Users_Profile()
      sparse.id = 2
      let savedSparse = try await users.saveProfile(sparse)
      #expect(savedSparse == sparse, "unset wrappers and messages travel as null")
    }
  }

  @Test("every other Java type survives a call both ways, and a oneof member travels as its field")
  func javaTypes() async throws {
    try await withLoopback([UserStore()]) { client, port in
      let users = Users_UserService.Client(
        client: client, reference: Users_UserService.reference(host: "127.0.0.1", port: port).patient)
      let types = sampleJavaTypes()
      let echoed = try await users.echoTypes(types)
      #expect(echoed == types)
      var email = Users_JavaTypes()
      email.email = "ada@example.org"
      let echoedEmail = try await users.echoTypes(email)
      #expect(echoedEmail == email)
    }
  }

  @Test("a message-shaped method also takes protobuf and fastjson per call")
  func otherSerializations() async throws {
    try await withLoopback([UserStore()]) { client, port in
      let users = Users_UserService.Client(
        client: client, reference: Users_UserService.reference(host: "127.0.0.1", port: port).patient)
      let profile = sampleProfile()
      for serialization in [DubboSerializationID.protobuf, .fastjson] {
        var options = DubboCallOptions()
        options.serialization = serialization
        let saved = try await users.saveProfile(profile, options: options)
        #expect(saved == profile, "\(serialization)")
      }
      var options = DubboCallOptions()
      options.serialization = .protobuf
      let error = await #expect(throws: DubboError.self) {
        try await users.getProfile(.with { $0.id = 1 }, options: options)
      }
      #expect(error?.message.contains("needs the hessian2 serialization") == true)
    }
  }

  @Test("multi-argument, zero-argument, String-returning, overloaded, void and oneway methods")
  func shapes() async throws {
    let store = UserStore()
    try await withLoopback([store]) { client, port in
      let users = Users_UserService.Client(
        client: client, reference: Users_UserService.reference(host: "127.0.0.1", port: port).patient)
      for id in 1...3 {
        var profile = sampleProfile(id: Int64(id))
        profile.active = id != 2
        _ = try await users.saveProfile(profile)
      }
      let found = try await users.find(
        .with {
          $0.name = "Ada"
          $0.limit = 5
          $0.includeInactive = false
        })
      #expect(found.items.map(\.id) == [1, 3])
      let count = try await users.count(Users_Empty()).count
      #expect(count == 3)

      var options = DubboCallOptions()
      options.attachments["caller"] = .string("swift")
      let greeting = try await users.greet(.with { $0.name = "Ada" }, options: options).greeting
      #expect(greeting == "Hello, Ada (from swift)")
      let greetingByID = try await users.greetByID(.with { $0.id = 3 }).greeting
      #expect(greetingByID == "Hello, user 3")

      _ = try await users.rename(
        .with {
          $0.id = 3
          $0.name = "Countess"
        })
      let renamed = try await users.getProfile(.with { $0.id = 3 }).name
      #expect(renamed == "Countess")

      _ = try await users.touch(.with { $0.id = 9 })
      try await waitUntil { !store.touched.withLock { $0 }.isEmpty }
      #expect(store.touched.withLock { $0 } == [9])
    }
  }

  @Test("a Java exception from the provider keeps its class and message")
  func exception() async throws {
    try await withLoopback([UserStore()]) { client, port in
      let users = Users_UserService.Client(
        client: client, reference: Users_UserService.reference(host: "127.0.0.1", port: port).patient)
      let error = await #expect(throws: DubboError.self) { try await users.getProfile(.with { $0.id = 404 }) }
      #expect(error?.exception?.className == "java.lang.IllegalArgumentException")
      #expect(error?.exception?.message == "no profile 404")
    }
  }

  @Test("text that is not a valid BigDecimal fails the call locally with the field's value")
  func invalidText() async throws {
    try await withLoopback([UserStore()]) { client, port in
      let users = Users_UserService.Client(
        client: client, reference: Users_UserService.reference(host: "127.0.0.1", port: port).patient)
      var profile = sampleProfile()
      profile.balance = "twelve"
      let error = await #expect(throws: DubboError.self) { try await users.saveProfile(profile) }
      #expect(error?.status == .clientError)
      #expect(error?.message.contains("'twelve'") == true)
    }
  }
}
