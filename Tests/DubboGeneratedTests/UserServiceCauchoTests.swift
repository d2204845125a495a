import DubboHessian
import Foundation
import InteropSupport
import NIOCore
import SwiftProtobuf
import Testing

@testable import Dubbo

/// The code generated from Protos/user_service.proto (`Users_Profile`, `Users_UserService`, …)
/// against Caucho Hessian 4.0.38 (`Tests/InteropHarness/java-users`, class `UserServiceInterop`),
/// for the arguments of `saveProfile(profile)`, `find("Ada", 5, false)` and `getProfile(1L)` and for
/// the `List<Profile>` that `find` returns, in both directions.
///
/// Caucho is configured like Dubbo's hessian-lite where the two differ (the harness's
/// `HessianLiteForms`): field order reversed as hessian-lite's, boxed `Float` as a double of its
/// decimal text instead of Caucho's `FloatHandle`, `BigDecimal` as a `value` object, `LocalDate` as
/// hessian-lite's `LocalDateHandle`. With that, every case is byte-identical; HashMap order needs
/// nothing, since our writer emulates `java.util.HashMap`'s iteration order.
@Suite("Interop: generated UserService types against Caucho Hessian")
struct UserServiceCauchoTests {
  @Test("Our bytes are Caucho's (configured like hessian-lite)", arguments: UserCallCase.allCases)
  func bytesMatchCaucho(_ call: UserCallCase) async throws {
    let caucho = try await CauchoHarness.userService.cauchoBytes(call.rawValue)
    let ours = try call.swiftBytes()
    let identical = ours == caucho
    #expect(identical, "\(call.rawValue): \(BytesDifference(ours: ours, caucho: caucho))")
  }

  @Test("Caucho's bytes decode into the generated types", arguments: UserCallCase.allCases)
  func swiftReadsCaucho(_ call: UserCallCase) async throws {
    let caucho = try await CauchoHarness.userService.cauchoBytes(call.rawValue)
    let difference = try call.differenceReading(caucho)
    #expect(difference == nil, "\(call.rawValue): \(difference ?? "")")
  }

  @Test("Caucho decodes our bytes into the Java values", arguments: UserCallCase.allCases)
  func cauchoReadsOurs(_ call: UserCallCase) async throws {
    let verdicts = try await CauchoHarness.userService.javaVerdicts()
    switch verdicts.lines[call.rawValue] {
    case "PASS"?:
      break
    case let verdict?:
      Issue.record("Caucho on our \(call.rawValue) bytes: \(verdict)")
    case nil:
      Issue.record("UserServiceInterop decode printed no verdict for \(call.rawValue):\n\(verdicts.output)")
    }
  }

  /// The three checks over all cases, as one line for the closing note.
  @Test("Summary")
  func summary() async throws {
    let harness = CauchoHarness.userService
    let verdicts = try await harness.javaVerdicts()
    var identical = 0
    var readBySwift = 0
    for call in UserCallCase.allCases {
      let caucho = try await harness.cauchoBytes(call.rawValue)
      if try call.swiftBytes() == caucho { identical += 1 }
      if (try? call.differenceReading(caucho)) == .some(nil) { readBySwift += 1 }
    }
    let readByCaucho = UserCallCase.allCases.filter { verdicts.lines[$0.rawValue] == "PASS" }.count
    let total = UserCallCase.allCases.count
    print(
      "UserService interop: \(identical)/\(total) byte-identical, \(readBySwift)/\(total) decoded by Swift, "
        + "\(readByCaucho)/\(total) decoded by Caucho")
    let counts: [Int] = [identical, readBySwift, readByCaucho]
    #expect(counts == [total, total, total])
  }
}

/// The calls, named as `UserServiceInterop` names them; each is the Hessian values of one body's
/// arguments (or result), in one stream.
enum UserCallCase: String, CaseIterable, CustomTestStringConvertible, Sendable {
  /// `saveProfile(profile)`: one `org.example.users.Profile`.
  case saveProfile = "save-profile"
  /// `find("Ada", 5, false)`: a String, an int and a boolean.
  case findArguments = "find-arguments"
  /// `getProfile(1L)`: a long.
  case getProfileArguments = "get-profile-arguments"
  /// What `find` returns: a `java.util.List` of two profiles.
  case findResult = "find-result"

  var testDescription: String { rawValue }

  static let findRequest = Users_FindRequest.with {
    $0.name = "Ada"
    $0.limit = 5
    $0.includeInactive = false
  }

  /// The second profile of the result; the harness's `secondProfile()` (Java nulls where this
  /// leaves fields unset).
  static let secondProfile: Users_Profile = {
    var profile = sampleProfile(id: 2)
    profile.name = "Ada King"
    profile.active = false
    profile.clearAge()
    profile.clearNickname()
    profile.clearAddress()
    return profile
  }()

  static let profiles = Users_Profiles.with { $0.items = [sampleProfile(id: 1), secondProfile] }

  /// What the runtime writes: the generated argument (or result) type through hessian2's output.
  func swiftBytes() throws -> [UInt8] {
    var output = Hessian2Serialization().makeOutput()
    switch self {
    case .saveProfile:
      try DubboArgumentList(sampleProfile()).write(to: &output)
    case .findArguments:
      try Users_UserService.FindParameters(Self.findRequest).write(to: &output)
    case .getProfileArguments:
      try Users_UserService.GetProfileParameters(.with { $0.id = 1 }).write(to: &output)
    case .findResult:
      try output.writeValue(Users_UserService.FindResult(Self.profiles))
    }
    var buffer = ByteBufferAllocator().buffer(capacity: 0)
    output.write(to: &buffer)
    return Array(buffer.readableBytesView)
  }

  /// Reads `bytes` as the runtime reads this call; `nil` if they hold exactly the expected values.
  func differenceReading(_ bytes: [UInt8]) throws -> String? {
    var input = Hessian2Serialization().makeInput(body: ByteBuffer(bytes: bytes), limits: .default)
    let difference: String?
    switch self {
    case .saveProfile:
      let profile = try DubboArgumentList<Users_Profile>(from: &input).values
      difference = Self.difference(profile, sampleProfile())
    case .findArguments:
      let request = try Users_UserService.FindParameters(from: &input).message
      difference = Self.difference(request, Self.findRequest)
    case .getProfileArguments:
      let request = try Users_UserService.GetProfileParameters(from: &input).message
      difference = Self.difference(request, Users_IdRequest.with { $0.id = 1 })
    case .findResult:
      let profiles = try input.readValue(Users_UserService.FindResult.self).message
      difference = Self.difference(profiles, Self.profiles)
    }
    guard let remaining = (input as? Hessian2ObjectInput)?.decoder.remainingBytes else {
      throw HarnessFailure("hessian2's input is not a Hessian2ObjectInput")
    }
    return difference ?? (remaining == 0 ? nil : "\(remaining) unread byte(s) after the last value")
  }

  private static func difference<Message: SwiftProtobuf.Message & Equatable>(
    _ decoded: Message, _ expected: Message
  ) -> String? {
    decoded == expected ? nil : "decoded:\n\(decoded.debugDescription)\nexpected:\n\(expected.debugDescription)"
  }
}
