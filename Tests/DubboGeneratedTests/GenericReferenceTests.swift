import Dubbo
import DubboHessian
import SwiftProtobuf
import Synchronization
import Testing

/// Typed calls sent as `$invoke` (references with `generic=true`), typed results of generic calls,
/// and the provider's generic settings.
@Suite("Generic references and typed generic results")
struct GenericReferenceTests {
  /// A generated client whose calls all go out as `$invoke`.
  static func genericUsers(_ client: DubboClient, port: Int) -> Users_UserService.Client {
    var reference = Users_UserService.reference(host: "127.0.0.1", port: port).patient
    reference.isGeneric = true
    return Users_UserService.Client(client: client, reference: reference)
  }

  @Test("every argument and result shape survives generalizing and realizing both ways")
  func everyShape() async throws {
    let store = UserStore()
    try await withLoopback([store]) { client, port in
      let users = Self.genericUsers(client, port: port)
      let profile = sampleProfile()
      let saved = try await users.saveProfile(profile)
      #expect(saved == profile)
      let fetched = try await users.getProfile(.with { $0.id = 1 })
      #expect(fetched == profile)
      let types = sampleJavaTypes()
      let echoed = try await users.echoTypes(types)
      #expect(echoed == types)
      let found = try await users.find(
        .with {
          $0.name = "Ada"
          $0.limit = 5
          $0.includeInactive = true
        })
      #expect(found.items == [profile])
      let count = try await users.count(Users_Empty())
      #expect(count.count == 1)
      let greeting = try await users.greetByID(.with { $0.id = 9 })
      #expect(greeting.greeting == "Hello, user 9")
      _ = try await users.rename(
        .with {
          $0.id = 1
          $0.name = "Ada King"
        })
      #expect(store.profiles.withLock { $0[1]?.name } == "Ada King")
      var sparse = Users_Profile()
      sparse.id = 2
      let savedSparse = try await users.saveProfile(sparse)
      #expect(savedSparse == sparse)
      // A oneway method goes out as a oneway $invoke.
      _ = try await users.touch(.with { $0.id = 9 })
      try await waitUntil { !store.touched.withLock { $0 }.isEmpty }
      #expect(store.touched.withLock { $0 } == [9])
    }
  }

  @Test("a typed generic call reads the generalized result into a generated type")
  func typedResult() async throws {
    let store = UserStore()
    store.profiles.withLock { $0[1] = sampleProfile() }
    try await withLoopback([store]) { client, port in
      let reference = Users_UserService.reference(host: "127.0.0.1", port: port).patient
      let profile = try await client.invoke(
        "getProfile", parameterTypes: ["long"], arguments: [.long(1)], as: Users_Profile.self, reference: reference)
      #expect(profile == sampleProfile())
      let count = try await client.invoke(
        "count", parameterTypes: [], arguments: [], as: Users_UserService.CountResult.self, reference: reference)
      #expect(count.message.count == 1)
      let error = await #expect(throws: DubboError.self) {
        try await client.invoke(
          "count", parameterTypes: [], arguments: [], as: Users_Profile.self, reference: reference)
      }
      #expect(error?.status == .clientError)
      #expect(error?.message.contains("The generic result of count does not fit Users_Profile") == true)
    }
  }

  @Test("LocalDate, LocalDateTime and LocalTime travel as their text, as PojoUtils generalizes them")
  func timeAsText() async throws {
    try await withLoopback([UserStore()]) { client, port in
      let reference = Users_UserService.reference(host: "127.0.0.1", port: port).patient
      let profile = try await client.invoke(
        "saveProfile", parameterTypes: ["org.example.users.Profile"],
        arguments: [
          .map(
            HessianMap(entries: [
              .init(key: .string("class"), value: .string("org.example.users.Profile")),
              .init(key: .string("id"), value: .long(3)),
              .init(key: .string("birthday"), value: .string("1906-12-09")),
            ]))
        ],
        reference: reference)
      #expect(GenericCallTests.fields(profile)["birthday"] == .string("1906-12-09"))
      let error = await #expect(throws: DubboError.self) {
        try await client.invoke(
          "saveProfile", parameterTypes: ["org.example.users.Profile"],
          arguments: [
            .map(
              HessianMap(entries: [
                .init(key: .string("class"), value: .string("org.example.users.Profile")),
                .init(key: .string("birthday"), value: .string("1906-13-09")),
              ]))
          ],
          reference: reference)
      }
      #expect(error?.exception?.className == "java.lang.IllegalArgumentException")
      #expect(error?.exception?.message?.contains("'1906-13-09' is not a JavaLocalDate") == true)
    }
  }

  @Test("generic.include.class=false leaves the class out; wrapped exceptions keep the Java class and message")
  func providerSettings() async throws {
    var configuration = DubboServer.Configuration()
    configuration.genericCalls = DubboGenericSettings(includesClass: false, wrapsExceptions: true)
    let store = UserStore()
    store.profiles.withLock { $0[1] = sampleProfile() }
    try await withLoopback([store], configuration: configuration) { client, port in
      let reference = Users_UserService.reference(host: "127.0.0.1", port: port).patient
      let profile = try await client.invoke(
        "getProfile", parameterTypes: ["long"], arguments: [.long(1)], reference: reference)
      let fields = GenericCallTests.fields(profile)
      #expect(fields["class"] == nil)
      #expect(fields["name"] == .string("Ada Lovelace"))
      #expect(GenericCallTests.fields(fields["address"] ?? .null)["class"] == nil)
      #expect(fields["balance"].map { if case .object = $0 { true } else { false } } == true, "BigDecimal is kept")

      let error = await #expect(throws: DubboError.self) {
        try await client.invoke("getProfile", parameterTypes: ["long"], arguments: [.long(404)], reference: reference)
      }
      #expect(error?.exception?.className == "com.alibaba.dubbo.rpc.service.GenericException")
      #expect(error?.exception?.message?.hasPrefix("java.lang.IllegalArgumentException: no profile 404") == true)
      #expect(
        error?.exception?.genericExceptionCause
          == JavaThrowable(className: "java.lang.IllegalArgumentException", message: "no profile 404"))

      // A generic reference throws the exception the wrapper stands for, as Java's GenericImplFilter does.
      let typedError = await #expect(throws: DubboError.self) {
        try await Self.genericUsers(client, port: port).getProfile(.with { $0.id = 404 })
      }
      #expect(
        typedError?.exception
          == JavaThrowable(className: "java.lang.IllegalArgumentException", message: "no profile 404"))
    }
  }

  @Test("an object with one name field stays an object; only a Java enum becomes its name")
  func enumsAndLookAlikes() async throws {
    let tag = DubboMethod(
      name: "tag", parameterTypes: [], returnType: .object("org.example.Tag"),
      arguments: DubboNoArguments.self, result: HessianValue.self)
    let provider = HandWrittenService(descriptor: DubboServiceDescriptor(interface: "org.example.TagService")) {
      router in
      router.register(tag) { _, _ in
        .object(HessianObject(className: "org.example.Tag", fields: [.init(name: "name", value: .string("red"))]))
      }
    }
    try await withLoopback([provider]) { client, port in
      let reference = DubboReference(host: "127.0.0.1", port: port, service: provider.serviceDescriptor).patient
      let generalized = try await client.invoke("tag", parameterTypes: [], arguments: [], reference: reference)
      #expect(GenericCallTests.fields(generalized) == ["class": .string("org.example.Tag"), "name": .string("red")])
    }
    #expect(HessianClassDefinition.isJavaEnum(Users_Role.hessianClass.className))
    #expect(!HessianClassDefinition.isJavaEnum("org.example.Tag"))
  }

  @Test("a generic mode this provider does not answer is refused by name")
  func unsupportedMode() async throws {
    try await withLoopback([UserStore()]) { client, port in
      let reference = Users_UserService.reference(host: "127.0.0.1", port: port).patient
      var options = DubboCallOptions()
      options.attachments[string: "generic"] = "bean"
      let error = await #expect(throws: DubboError.self) {
        try await client.invoke("count", parameterTypes: [], arguments: [], reference: reference, options: options)
      }
      #expect(error?.exception?.message?.contains("Generic serialization [bean] is not supported") == true)
    }
  }

  @Test("a generic reference calls a provider that implements $invoke itself")
  func genericImplementation() async throws {
    let calls = Mutex<[DubboGenericArguments]>([])
    let provider = GenericUserService { call in
      calls.withLock { $0.append(call) }
      switch call.method {
      case "greet": return .string("generic hello")
      default:
        throw JavaThrowable(
          className: DubboGenericException.compatibleClassName, message: "no",
          additionalFields: [
            .init(name: "exceptionClass", value: .string("java.lang.UnsupportedOperationException")),
            .init(name: "exceptionMessage", value: .string("\(call.method) is not served")),
          ])
      }
    }
    try await withLoopback([provider]) { client, port in
      let users = Self.genericUsers(client, port: port)
      let greeting = try await users.greetByID(.with { $0.id = 9 })
      #expect(greeting.greeting == "generic hello")
      #expect(
        calls.withLock { $0.first }
          == DubboGenericArguments(method: "greet", parameterTypes: ["long"], values: [.long(9)]))
      let error = await #expect(throws: DubboError.self) { try await users.count(Users_Empty()) }
      #expect(
        error?.exception
          == JavaThrowable(className: "java.lang.UnsupportedOperationException", message: "count is not served"))
    }
  }
}

/// `org.example.users.UserService` implemented as Java's `GenericService`: every call arrives as
/// `$invoke`.
struct GenericUserService: DubboServiceProvider {
  let answer: @Sendable (DubboGenericArguments) throws -> HessianValue

  var serviceDescriptor: DubboServiceDescriptor { Users_UserService.descriptor }

  func registerMethods(with router: inout DubboMethodRouter) {
    router.register(DubboGeneric.invoke) { [answer] arguments, _ in try answer(arguments) }
  }
}

/// A service whose methods `register` adds.
struct HandWrittenService: DubboServiceProvider {
  let serviceDescriptor: DubboServiceDescriptor
  let register: @Sendable (inout DubboMethodRouter) -> Void

  init(descriptor: DubboServiceDescriptor, register: @escaping @Sendable (inout DubboMethodRouter) -> Void) {
    self.serviceDescriptor = descriptor
    self.register = register
  }

  func registerMethods(with router: inout DubboMethodRouter) {
    register(&router)
  }
}
