import Dubbo
import DubboHessian
import Testing

@Suite struct DubboAttachmentsTests {
  @Test func subscriptSetsReplacesAndRemoves() {
    var attachments = DubboAttachments()
    #expect(attachments.isEmpty)
    attachments["path"] = .string("com.foo.Svc")
    attachments["_TO"] = .int(3000)
    #expect(attachments.count == 2)
    #expect(attachments["_TO"] == .int(3000))

    attachments["path"] = .string("com.foo.Other")
    #expect(attachments.count == 2)
    #expect(attachments["path"] == .string("com.foo.Other"))
    #expect(attachments.map { $0.key } == ["path", "_TO"])

    attachments["path"] = nil
    #expect(attachments["path"] == nil)
    #expect(attachments.count == 1)
    attachments["missing"] = nil
    #expect(attachments.count == 1)
  }

  @Test func stringSubscriptReadsOnlyStrings() {
    var attachments: DubboAttachments = ["version": "1.0.0"]
    attachments["_TO"] = .int(3000)
    #expect(attachments[string: "version"] == "1.0.0")
    #expect(attachments[string: "_TO"] == nil)
    #expect(attachments[string: "missing"] == nil)

    attachments[string: "group"] = "g"
    #expect(attachments["group"] == .string("g"))
    attachments[string: "group"] = nil
    #expect(attachments["group"] == nil)
  }

  @Test func iteratesInInsertionOrder() {
    let attachments: DubboAttachments = ["b": "2", "a": "1", "c": "3"]
    #expect(attachments.map { $0.key } == ["b", "a", "c"])
    #expect(attachments.map { $0.value } == [.string("2"), .string("1"), .string("3")])
  }

  @Test func dictionaryLiteralWithARepeatedKeyKeepsTheLastValue() {
    let attachments: DubboAttachments = ["k": "1", "k": "2"]
    #expect(attachments.count == 1)
    #expect(attachments[string: "k"] == "2")
  }

  @Test func mergeOverridesAndAppends() {
    var attachments: DubboAttachments = ["path": "body.Path", "version": "0.0.0", "dubbo": "2.0.2"]
    attachments.merge(["version": "1.0.0", "group": "g"])
    #expect(attachments[string: "path"] == "body.Path")
    #expect(attachments[string: "version"] == "1.0.0")
    #expect(attachments[string: "group"] == "g")
    #expect(attachments.map { $0.key } == ["path", "version", "dubbo", "group"])
  }

  /// Like Java's `Map.equals`, equality ignores order (attachments decoded from the wire come back
  /// in another order than they were put).
  @Test func equalityAndHashIgnoreOrder() {
    let one: DubboAttachments = ["a": "1", "b": "2"]
    let other: DubboAttachments = ["b": "2", "a": "1"]
    #expect(one == other)
    #expect(one.hashValue == other.hashValue)
    #expect(Set([one, other]).count == 1)
    #expect(one != ["a": "1", "b": "3"])
    #expect(one != ["a": "1"])
    #expect(one != ["a": "1", "b": "2", "c": "3"])
    var typed: DubboAttachments = ["a": "1"]
    typed["b"] = .int(2)
    #expect(one != typed)
  }
}
