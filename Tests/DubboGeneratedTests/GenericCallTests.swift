import Dubbo
import DubboHessian
import Synchronization
import Testing

/// `$invoke` calls of generated providers: the arguments and results as a generic consumer (Java's
/// `GenericService`) sends and receives them.
@Suite("Generic calls of generated providers")
struct GenericCallTests {
  static let user: HessianValue = .map(
    HessianMap(entries: [
      .init(key: .string("class"), value: .string("org.apache.dubbo.sample.User")),
      .init(key: .string("id"), value: .string("42")),
      .init(key: .string("name"), value: .string("Zoë")),
      .init(key: .string("age"), value: .int(30)),
    ]))

  /// The entries of a generalized object, by name.
  static func fields(_ value: HessianValue) -> [String: HessianValue] {
    guard case .map(let map) = value else { return [:] }
    return Dictionary(
      map.entries.compactMap { entry in
        guard case .string(let key) = entry.key else { return nil }
        return (key, entry.value)
      },
      uniquingKeysWith: { first, _ in first })
  }

  @Test("strings and generalized POJOs go in and come back as Java's PojoUtils has them")
  func greeter() async throws {
    try await withLoopback([Greeter()]) { client, port in
      let reference = Sample_GreeterService.reference(host: "127.0.0.1", port: port).patient
      let hello = try await client.invoke(
        "sayHello", parameterTypes: ["java.lang.String"], arguments: [.string("world")], reference: reference)
      #expect(hello == .string("Hello, world"))
      let echoed = try await client.invoke(
        "echoUser", parameterTypes: ["org.apache.dubbo.sample.User"], arguments: [Self.user], reference: reference)
      let fields = Self.fields(echoed)
      #expect(fields["class"] == .string("org.apache.dubbo.sample.User"))
      #expect(fields["id"] == .string("42"))
      #expect(fields["name"] == .string("Zoë"))
      #expect(fields["age"] == .int(30))
      // Without its class (generic.include.class=false), the parameter's type names the class.
      var classless = Self.user
      if case .map(let map) = classless {
        classless = .map(HessianMap(entries: map.entries.filter { $0.key != .string("class") }))
      }
      let echoedClassless = try await client.invoke(
        "echoUser", parameterTypes: ["org.apache.dubbo.sample.User"], arguments: [classless], reference: reference)
      #expect(echoedClassless == echoed)
      // Over fastjson, as a Java consumer with serialization=fastjson sends it.
      var fastjson = DubboCallOptions()
      fastjson.serialization = .fastjson
      let echoedJSON = try await client.invoke(
        "echoUser", parameterTypes: ["org.apache.dubbo.sample.User"], arguments: [Self.user], reference: reference,
        options: fastjson)
      #expect(Self.fields(echoedJSON) == Self.fields(echoed))
      // Without the types, the only method of the name is found.
      let untyped = try await client.invoke(
        "getUser", parameterTypes: [], arguments: [.string("7")], reference: reference)
      #expect(Self.fields(untyped)["name"] == .string("user-7"))
    }
  }

  @Test("zero arguments, overloads by parameter types, enums as names, void results")
  func userService() async throws {
    let store = UserStore()
    store.profiles.withLock { $0[1] = sampleProfile(id: 1) }
    try await withLoopback([store]) { client, port in
      let reference = Users_UserService.reference(host: "127.0.0.1", port: port).patient
      let count = try await client.invoke("count", parameterTypes: [], arguments: [], reference: reference)
      #expect(count == .int(1))
      // No types (null): the only method of the name, as Java's ReflectUtils finds it.
      let countByName = try await client.invoke("count", parameterTypes: nil, arguments: [], reference: reference)
      #expect(countByName == .int(1))
      // Java's asynchronous generic stubs send $invokeAsync.
      var options = DubboCallOptions()
      options.attachments[string: "generic"] = "true"
      let asyncCount = try await client.call(
        DubboGeneric.invokeAsync, arguments: DubboGenericArguments(method: "count", parameterTypes: [], values: []),
        reference: reference, options: options)
      #expect(asyncCount.value == .int(1))
      let byName = try await client.invoke(
        "greet", parameterTypes: ["java.lang.String"], arguments: [.string("Ada")], reference: reference)
      #expect(byName == .string("Hello, Ada (from ?)"))
      let byID = try await client.invoke("greet", parameterTypes: ["long"], arguments: [.long(7)], reference: reference)
      #expect(byID == .string("Hello, user 7"))
      let profile = try await client.invoke(
        "getProfile", parameterTypes: ["long"], arguments: [.long(1)], reference: reference)
      let fields = Self.fields(profile)
      #expect(fields["class"] == .string("org.example.users.Profile"))
      #expect(fields["role"] == .string("ADMIN"))
      #expect(Self.fields(fields["address"] ?? .null)["class"] == .string("org.example.users.Address"))
      // A generalized POJO with a nested one and an enum given by name, as a generic consumer sends it.
      let saved = try await client.invoke(
        "saveProfile", parameterTypes: ["org.example.users.Profile"],
        arguments: [
          .map(
            HessianMap(entries: [
              .init(key: .string("class"), value: .string("org.example.users.Profile")),
              .init(key: .string("id"), value: .long(2)),
              .init(key: .string("name"), value: .string("Grace")),
              .init(key: .string("role"), value: .string("MEMBER")),
              .init(
                key: .string("address"),
                value: .map(
                  HessianMap(entries: [
                    .init(key: .string("class"), value: .string("org.example.users.Address")),
                    .init(key: .string("city"), value: .string("Arlington")),
                  ]))),
            ]))
        ],
        reference: reference)
      #expect(Self.fields(saved)["role"] == .string("MEMBER"))
      #expect(store.profiles.withLock { $0[2]?.role } == .member)
      #expect(store.profiles.withLock { $0[2]?.address.city } == "Arlington")
      let renamed = try await client.invoke(
        "rename", parameterTypes: ["long", "java.lang.String"], arguments: [.long(1), .string("Ada King")],
        reference: reference)
      #expect(renamed == .null)
      #expect(store.profiles.withLock { $0[1]?.name } == "Ada King")
    }
  }

  @Test("an unknown method, an ambiguous overload and arguments of the wrong type are Java exceptions")
  func failures() async throws {
    try await withLoopback([UserStore()]) { client, port in
      let reference = Users_UserService.reference(host: "127.0.0.1", port: port).patient
      let cases: [(String, [String]?, [HessianValue], String, String)] = [
        ("vanish", ["long"], [.long(1)], "org.apache.dubbo.rpc.RpcException", "No such method vanish(long)"),
        ("greet", [], [.string("Ada")], "org.apache.dubbo.rpc.RpcException", "it is overloaded"),
        ("greet", nil, [.string("Ada")], "org.apache.dubbo.rpc.RpcException", "No such method greet(…)"),
        (
          "greet", ["java.lang.String"], [.map(HessianMap(entries: []))], "java.lang.IllegalArgumentException",
          "The arguments of greet do not fit"
        ),
      ]
      for (method, types, arguments, className, message) in cases {
        let error = await #expect(throws: DubboError.self) {
          try await client.invoke(method, parameterTypes: types, arguments: arguments, reference: reference)
        }
        #expect(error?.exception?.className == className, "\(method)")
        #expect(error?.exception?.message?.contains(message) == true, "\(error?.exception?.message ?? "")")
      }
    }
  }
}
