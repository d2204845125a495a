import DubboHessian
import Testing

@testable import DubboCLI

/// JSON that is well-formed but describes no Hessian value is rejected with a located message.
@Suite struct HessianJSONErrorTests {
  @Test(arguments: [
    ("1.5", #"line 1, column 1: 1.5 is not a Java int: write {"$double": 1.5} for a double"#),
    ("1e3", #"line 1, column 1: 1e3 is not a Java int: write {"$double": 1e3} for a double"#),
    ("2147483648", #"line 1, column 1: 2147483648 does not fit a Java int: write {"$long": 2147483648} for a long"#),
    (
      #"{"id": 1}"#,
      #"line 1, column 1: a JSON object without a tag is no Hessian value: write {"$class": "…", …} for an object or {"$map": {…}} for a map"#
    ),
    (
      "{}",
      #"line 1, column 1: an empty JSON object is no Hessian value: write {"$class": "…", …} for an object or {"$map": {…}} for a map"#
    ),
    (
      "[\n  1,\n  {\"$foo\": 2}\n]",
      #"line 3, column 4: unknown tag "$foo" (the tags are $long, $double, $date, $binary, $list, $map, $class, $ref and $type; write a field named "$foo" as "$$foo")"#
    ),
    (
      #"{"$class": "C", "$name": 1}"#,
      #"line 1, column 17: unknown tag "$name" (the tags are $long, $double, $date, $binary, $list, $map, $class, $ref and $type; write a field named "$name" as "$$name")"#
    ),
    (
      #"{"$long": 1, "$double": 2}"#,
      #"line 1, column 14: "$double" in an object that already has "$long": use one tag per value"#
    ),
    (#"{"$type": "x", "$long": 1}"#, #"line 1, column 2: "$type" only goes with "$list" or "$map""#),
    (#"{"$type": "x", "$type": "y", "$list": []}"#, #"line 1, column 16: "$type" appears twice"#),
    (#"{"$type": 1, "$list": []}"#, #"line 1, column 11: "$type" needs a string"#),
    (#"{"$long": 1, "x": 2}"#, #"line 1, column 14: unexpected member "x" beside "$long""#),
    (#"{"$long": 1.5}"#, #"line 1, column 11: "$long" needs an integer, not 1.5"#),
    (#"{"$long": "12x"}"#, #"line 1, column 11: "$long" needs an integer, not 12x"#),
    (#"{"$long": 9223372036854775808}"#, #"line 1, column 11: 9223372036854775808 does not fit a Java long"#),
    (#"{"$long": true}"#, #"line 1, column 11: "$long" needs an integer"#),
    (
      #"{"$double": 1e999}"#,
      #"line 1, column 13: 1e999 is beyond the range of a double (write "Infinity" for infinity)"#
    ),
    (#"{"$double": "nan"}"#, #"line 1, column 13: "$double" needs a number, "NaN", "Infinity" or "-Infinity""#),
    (
      #"{"$double": "NaN(0x0000000000000001)"}"#,
      #"line 1, column 13: NaN(0x0000000000000001) is not a NaN: write NaN(0x followed by the 16 hex digits of a NaN's bits)"#
    ),
    (
      #"{"$date": "2023-02-29T00:00:00.000Z"}"#,
      #"line 1, column 11: "2023-02-29T00:00:00.000Z" is not a UTC time like "2023-11-14T22:13:20.000Z" (or give milliseconds since 1970)"#
    ),
    (
      #"{"$date": "2023-11-14T22:13:20.000+01:00"}"#,
      #"line 1, column 11: "2023-11-14T22:13:20.000+01:00" is not a UTC time like "2023-11-14T22:13:20.000Z" (or give milliseconds since 1970)"#
    ),
    (
      #"{"$date": 1.5}"#,
      #"line 1, column 11: "$date" needs whole milliseconds since 1970 that fit a Java long, not 1.5"#
    ),
    (#"{"$binary": "not base64!"}"#, #"line 1, column 13: "$binary" needs base64 text (RFC 4648, with padding)"#),
    (#"{"$binary": [1, 2]}"#, #"line 1, column 13: "$binary" needs a string"#),
    (#"{"$list": {}}"#, #"line 1, column 11: "$list" needs an array of values"#),
    (#"{"$map": [[1, 2], [3]]}"#, #"line 1, column 19: a "$map" entry must be a [key, value] array"#),
    (#"{"$map": 5}"#, #"line 1, column 10: "$map" needs an object (string keys) or an array of [key, value] pairs"#),
    (#"{"$class": null}"#, #"line 1, column 12: "$class" needs a string"#),
    (
      #"{"$ref": 0}"#,
      #"line 1, column 10: {"$ref": 0} refers to value #0, but only 0 lists, maps or objects precede it"#
    ),
    (
      #"[{"$ref": 1}]"#,
      #"line 1, column 11: {"$ref": 1} refers to value #1, but only 1 list, map or object precedes it"#
    ),
    (#"{"$ref": -1}"#, #"line 1, column 10: "$ref" needs the index of a list, map or object (an integer from 0)"#),
    (#"{"$ref": "0"}"#, #"line 1, column 10: "$ref" needs the index of a list, map or object (an integer from 0)"#),
  ])
  func rejects(_ json: String, _ message: String) {
    do {
      let value = try HessianJSON.value(fromJSON: Array(json.utf8))
      Issue.record("read \(value) from \(json)")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func aStreamMustBeAnArray() {
    do {
      _ = try HessianJSON.values(fromJSONStream: Array("\n  {\"$long\": 1}".utf8))
      Issue.record("read a stream from an object")
    } catch {
      #expect(error.description == "line 2, column 3: a stream must be a JSON array of values")
    }
  }

  @Test func aReferenceInAStreamMayPointIntoAnEarlierValue() throws {
    #expect(throws: JSONError.self) { try HessianJSON.values(fromJSONStream: Array(#"[{"$ref": 0}, []]"#.utf8)) }
    #expect(try HessianJSON.values(fromJSONStream: Array(#"[[], {"$ref": 0}]"#.utf8)).count == 2)
  }
}
