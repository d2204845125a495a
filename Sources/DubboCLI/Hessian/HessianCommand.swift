import ArgumentParser

/// `dubbo hessian`: turn captured Hessian 2 payloads into readable JSON and back.
struct HessianCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hessian",
    abstract: "Decode Hessian 2 payloads to JSON, and encode JSON back to Hessian 2.",
    discussion: """
      JSON form of Hessian values (what decode prints and encode reads):

        null, true, false        Java null, boolean
        42                       int (also byte, short); a bare number must
                                 be an integer that fits an int
        "text"                   String (all of Unicode)
        {"$long": 42}            long (a string such as "42" is read too)
        {"$double": 1.5}         double (also float); "NaN", "Infinity",
                                 "-Infinity", or "NaN(0x…)" for other NaN bits
        {"$date": "2023-11-14T22:13:20.000Z"}
                                 java.util.Date in UTC, to the millisecond
                                 (milliseconds since 1970 outside 0000–9999)
        {"$binary": "AQID"}      byte[], base64
        [1, "a"]                 untyped list (java.util.ArrayList)
        {"$type": "[int", "$list": [1, 2]}
                                 typed list or array
        {"$map": {"k": 1}}       map whose keys are distinct strings
        {"$map": [[1, "one"]]}   any other map: [key, value] entries
                                 ("$type": "java.util.TreeMap" for a typed map)
        {"$class": "com.foo.User", "age": 30, "name": "Ann"}
                                 object, fields in wire order; a field whose
                                 name starts with $ gets one more: "$$x"
        {"$ref": 1}              back-reference to the stream's 2nd list, map
                                 or object (counting from 0)

      Members keep their order. Encode writes the forms Java's hessian-lite
      writes, so decoding what Java wrote and encoding the JSON gives back
      the same bytes.

      Examples:
        dubbo hessian decode --stream Examples/HessianPayloads/dubbo-request-body.bin
        dubbo hessian decode user.bin | dubbo hessian encode --output copy.bin
        echo '{"$long": 7}' | dubbo hessian encode --hex
      """,
    subcommands: [HessianDecodeCommand.self, HessianEncodeCommand.self]
  )
}
