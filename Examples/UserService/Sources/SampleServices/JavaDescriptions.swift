import Foundation
import SwiftProtobuf

// The generated messages are swift-protobuf structs, and the Swift for the two .proto files is
// generated at build time next to this file. These helpers print the messages as the Java objects
// they travel as (`User{id="7", name="user-7", age=42}`), with null where a Java field is null.

extension Sample_User {
  /// The Java object, as `User{id="7", name="user-7", age=42}`.
  public var javaDescription: String {
    "User{id=\(quoted(id)), name=\(quoted(name)), age=\(age)}"
  }
}

extension Users_Role {
  /// The Java enum constant (`ADMIN`).
  public var javaName: String {
    switch self {
    case .guest: "GUEST"
    case .member: "MEMBER"
    case .admin: "ADMIN"
    case .UNRECOGNIZED(let number): "Role(\(number))"
    }
  }
}

extension Users_Address {
  /// The Java object, as `Address{street="…", city="…", country="…"}`.
  public var javaDescription: String {
    "Address{street=\(quoted(street)), city=\(quoted(city)), country=\(quoted(country))}"
  }
}

extension Users_UserProfile {
  /// The Java object, one field a line, with null for the fields Java sees as null.
  public var javaDescription: String {
    let fields: [(String, String)] = [
      ("id", "\(id)"),
      ("name", quoted(name)),
      ("role", role.javaName),
      ("age", hasAge ? "\(age)" : "null"),
      ("nickname", hasNickname ? quoted(nickname.value) : "null"),
      ("createdAt", hasCreatedAt ? iso8601(createdAt.date) : "null"),
      ("balance", balance),
      ("address", hasAddress ? address.javaDescription : "null"),
      ("tags", "[" + tags.map(quoted).joined(separator: ", ") + "]"),
      (
        "preferences",
        "{" + preferences.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: ", ")
          + "}"
      ),
      ("previousAddresses", list(previousAddresses.map(\.javaDescription))),
    ]
    return "UserProfile{\n" + fields.map { "  \($0.0)=\($0.1)\n" }.joined() + "}"
  }
}

/// `elements` as a Java list, one element a line when there are several.
private func list(_ elements: [String]) -> String {
  elements.count < 2 ? "[" + elements.joined() + "]" : "[\n    " + elements.joined(separator: ",\n    ") + "\n  ]"
}

/// `text` as a Java string literal.
public func quoted(_ text: String) -> String {
  "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// `date` in ISO 8601, UTC, with milliseconds (`2023-11-14T22:13:20.123Z`).
private func iso8601(_ date: Date) -> String {
  let formatter = ISO8601DateFormatter()
  formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
  return formatter.string(from: date)
}
