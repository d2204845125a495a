#!/usr/bin/env python3
"""Writes the seed corpus Corpus-Dubbo/*.bin for DubboRequestFuzzer: Dubbo frames as a provider receives them.

Built by hand from the wire format (16-byte header, then a hessian2, fastjson or protobuf body), not by the
Swift encoder. The services named are the ones DubboRequestFuzzer exports (FuzzServices.swift).
Run from anywhere: python3 Fuzz/make_dubbo_corpus.py
"""
import os
import struct

from make_corpus import classdef, h, i, s

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Corpus-Dubbo")

HESSIAN2, FASTJSON, PROTOBUF = 2, 6, 22
REQUEST, TWO_WAY, EVENT = 0x80, 0x40, 0x20
GREETER = "org.apache.dubbo.sample.GreeterService"
STRING = "Ljava/lang/String;"


def frame(flags, body, request_id=1, status=0, length=None):
    """Header (magic, flags, status, id, body length) and body."""
    n = len(body) if length is None else length
    return h("DA BB") + bytes([flags, status]) + struct.pack(">qi", request_id, n) + body


def call(serialization, body, request_id=1, oneway=False):
    return frame(REQUEST | (0 if oneway else TWO_WAY) | serialization, body, request_id)


# hessian2: every item is one Hessian value; attachments are an untyped map (H ... Z).
def h2_map(pairs):
    return b"H" + b"".join(s(k) + (v if isinstance(v, bytes) else s(v)) for k, v in pairs) + b"Z"


def h2_request(path, method, desc, args, version="0.0.0", attachments=()):
    prologue = s("2.0.2") + s(path) + s(version) + s(method) + s(desc)
    extra = [("path", path), ("interface", path), ("version", version), ("timeout", i(3000))]
    return prologue + b"".join(args) + h2_map(extra + list(attachments))


USER = classdef("org.apache.dubbo.sample.User", "age", "name", "id") + b"\x60" + i(30) + s("Ann") + s("u1")


# fastjson: every item is one JSON text on its own line.
def json_request(path, method, desc, args, attachments='{"path":"%s"}'):
    lines = ['"2.0.2"', '"%s"' % path, '"0.0.0"', '"%s"' % method, '"%s"' % desc] + args
    lines.append(attachments % path if "%s" in attachments else attachments)
    return "".join(line + "\n" for line in lines).encode()


# protobuf: every item is a varint-length-delimited message; strings are google.protobuf.StringValue.
def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    return bytes(out + bytes([n]))


def field(number, payload):
    """A length-delimited field."""
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def delimited(message):
    return varint(len(message)) + message


def pb_string(text):
    return delimited(field(1, text.encode()) if text else b"")


def pb_map(pairs):
    """The wrapper Map message: map<string, string> attachments = 1."""
    return delimited(b"".join(field(1, field(1, k.encode()) + field(2, v.encode())) for k, v in pairs))


def pb_request(path, method, desc, args, version="0.0.0"):
    prologue = b"".join(pb_string(x) for x in ("2.0.2", path, version, method, desc))
    return prologue + b"".join(delimited(a) for a in args) + pb_map([("path", path), ("timeout", "3000")])


# google.protobuf.Value {"k": ["x", 1.5, true]}: struct_value = 5, list_value = 6, string_value = 3,
# number_value = 2 (double), bool_value = 4.
PB_LIST = field(6, field(1, field(3, b"x")) + field(1, b"\x11" + struct.pack("<d", 1.5)) + field(1, b"\x20\x01"))
PB_VALUE = field(5, field(1, field(1, b"k") + field(2, PB_LIST)))

SAY_HELLO = call(HESSIAN2, h2_request(GREETER, "sayHello", STRING, [s("world")]))

# GenericService.$invoke(String, String[], Object[]): types as a typed "[string" list (or null), arguments
# as a typed "[object" list (compact fixed-length typed lists: 0x70 + length, the type, the elements).
INVOKE = "Ljava/lang/String;[Ljava/lang/String;[Ljava/lang/Object;"


def typed_list(type_name, elements):
    return bytes([0x70 + len(elements)]) + s(type_name) + b"".join(elements)


def generic_request(method, types, args, attachments=(("generic", "true"),)):
    type_list = b"N" if types is None else typed_list("[string", [s(t) for t in types])
    return call(HESSIAN2, h2_request(
        GREETER, "$invoke", INVOKE, [s(method), type_list, typed_list("[object", args)], attachments=attachments))


GENERIC_USER = h2_map([("class", "org.apache.dubbo.sample.User"), ("id", "u1"), ("name", "Ann"), ("age", i(30))])
HEARTBEAT = frame(REQUEST | TWO_WAY | EVENT | HESSIAN2, b"N", request_id=7)

SEEDS = {
    "h2_say_hello": SAY_HELLO,
    "h2_echo_user": call(HESSIAN2, h2_request(
        GREETER, "echoUser", "Lorg/apache/dubbo/sample/User;", [USER], attachments=[("trace", "t-1")])),
    "h2_get_user_null_arg": call(HESSIAN2, h2_request(GREETER, "getUser", STRING, [b"N"])),
    # Routed to the second export of fuzz.Service (group g, version 1.0.0): arguments are decoded twice.
    "h2_echo_group": call(HESSIAN2, h2_request(
        "fuzz.Service", "echo", STRING + "I", [s("ab"), i(3)], version="1.0.0", attachments=[("group", "g")])),
    "h2_list": call(HESSIAN2, h2_request("fuzz.Service", "list", "Ljava/util/List;", [b"\x7A" + s("a") + s("b")])),
    "h2_value": call(HESSIAN2, h2_request("fuzz.Service", "value", "Ljava/lang/Object;" + STRING, [
        h2_map([("n", i(1)), ("l", b"\x7A" + i(2) + b"T")]), b"N"])),
    "h2_fail": call(HESSIAN2, h2_request("fuzz.Service", "fail", "", [], attachments=[("why", "because")])),
    "h2_fail_oneway": call(HESSIAN2, h2_request("fuzz.Service", "fail", "", []), oneway=True),
    "h2_generic_echo_user": generic_request("echoUser", ["org.apache.dubbo.sample.User"], [GENERIC_USER]),
    "h2_generic_untyped": generic_request("sayHello", None, [s("world")]),
    "h2_generic_bean_mode": generic_request("sayHello", ["java.lang.String"], [s("x")], [("generic", "bean")]),
    "h2_unknown_service": call(HESSIAN2, h2_request("no.Such", "sayHello", STRING, [s("x")])),
    "h2_unknown_method": call(HESSIAN2, h2_request(GREETER, "sayBye", STRING, [s("x")])),
    "json_say_hello": call(FASTJSON, json_request(GREETER, "sayHello", STRING, ['"world"'])),
    "json_echo_user": call(FASTJSON, json_request(
        GREETER, "echoUser", "Lorg/apache/dubbo/sample/User;", ['{"age":30,"id":"u1","name":"Ann"}'])),
    "json_value": call(FASTJSON, json_request(
        "fuzz.Service", "value", "Ljava/lang/Object;" + STRING, ['{"a":[1,2.5,null,{"b":true}]}', "null"],
        attachments='{"path":"%s","timeout":3000,"big":9007199254740993}')),
    "pb_proto": call(PROTOBUF, pb_request("fuzz.Service", "proto", "Lcom/google/protobuf/Value;", [PB_VALUE])),
    "pb_say_hello": call(PROTOBUF, pb_request(GREETER, "sayHello", STRING, [field(1, b"world")])),
    "unknown_serialization": call(9, h2_request(GREETER, "sayHello", STRING, [s("world")])),
    "heartbeat": HEARTBEAT,
    "pipelined": SAY_HELLO + HEARTBEAT + call(FASTJSON, json_request(GREETER, "sayHello", STRING, ['"x"']), 2),
    "oversize": frame(REQUEST | TWO_WAY | HESSIAN2, b"\0" * 32, request_id=3, length=65537) + SAY_HELLO,
    "negative_length": frame(REQUEST | TWO_WAY | HESSIAN2, b"", length=-1),
    "bad_magic": h("CA FE") + SAY_HELLO[2:],
    "truncated_header": SAY_HELLO[:10],
    "truncated_body": SAY_HELLO[:-7],
    # Responses, read by the consumer's DubboResponseReader: value with attachments, exception, error text.
    "response_value": frame(HESSIAN2, i(4) + s("Hello world") + h2_map([("dubbo", "2.0.2")]), status=20),
    "response_exception": frame(HESSIAN2, i(0) + classdef("java.lang.RuntimeException", "detailMessage")
                                + b"\x60" + s("boom"), status=20),
    "response_error": frame(FASTJSON, b'"Not found exported service"\n', status=70),
}

# Inputs that once crashed the fuzzer, kept as regression seeds. All three hit an Int overflow in
# DubboProtocolVersion.javaIntVersion: a dubbo version of 11 dot-separated parts ("1..........1", the empty
# parts count) or of 6 parts with a 9-digit first one.
REGRESSIONS = {
    "version_overflow_min": call(HESSIAN2, s("1" + "." * 10 + "1") + s("fuzz.Service") + s("") + s("fail") + s(""),
                                 oneway=True),
    "version_overflow_greeter_h2": call(HESSIAN2, h2_request(GREETER, "sayHello", STRING, [s("world")]).replace(
        s("2.0.2"), s("999999999.0.0.0.0.0"), 1)),
    "version_overflow_greeter_json": call(FASTJSON, json_request(GREETER, "sayHello", STRING, ['"world"']).replace(
        b'"2.0.2"', b'"2.0.0.0.0.0.0.0.0.0.0"')),
}


def write(folder, seeds):
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        if name.endswith(".bin"):
            os.remove(os.path.join(folder, name))
    for name, data in sorted(seeds.items()):
        with open(os.path.join(folder, name + ".bin"), "wb") as f:
            f.write(data)
    print(f"wrote {len(seeds)} inputs to {folder}")


def main():
    write(OUT, {**SEEDS, **{"regression_" + name: data for name, data in REGRESSIONS.items()}})


if __name__ == "__main__":
    main()
