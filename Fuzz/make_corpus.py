#!/usr/bin/env python3
"""Writes the seed corpus Corpus/*.bin: small valid Hessian 2 streams built from WIRE.md §7/§11.

Independent of the Swift encoder on purpose (a seed written by the code under test would share its
bugs). Run from anywhere: python3 Fuzz/make_corpus.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Corpus")


def h(text):
    """Hex text ("DA BB 02") to bytes."""
    return bytes.fromhex(text)


def i(v):
    """Java int, shortest form (WIRE.md §7.2)."""
    if -16 <= v <= 47:
        return bytes([0x90 + v])
    if -2048 <= v <= 2047:
        return bytes([0xC8 + (v >> 8), v & 0xFF])
    if -262144 <= v <= 262143:
        return bytes([0xD4 + (v >> 16)]) + struct.pack(">H", v & 0xFFFF)
    return b"\x49" + struct.pack(">i", v)


def l(v):
    """Java long, shortest form."""
    if -8 <= v <= 15:
        return bytes([0xE0 + v])
    if -2048 <= v <= 2047:
        return bytes([0xF8 + (v >> 8), v & 0xFF])
    if -262144 <= v <= 262143:
        return bytes([0x3C + (v >> 16)]) + struct.pack(">H", v & 0xFFFF)
    if -(2**31) <= v < 2**31:
        return b"\x59" + struct.pack(">i", v)
    return b"\x4C" + struct.pack(">q", v)


def cesu(text):
    """Java's string bytes: each UTF-16 unit as 1-3 bytes; returns (bytes, unit count)."""
    units = text.encode("utf-16-be")
    out = bytearray()
    for k in range(0, len(units), 2):
        u = (units[k] << 8) | units[k + 1]
        if u < 0x80:
            out.append(u)
        elif u < 0x800:
            out += bytes([0xC0 | u >> 6, 0x80 | u & 0x3F])
        else:
            out += bytes([0xE0 | u >> 12, 0x80 | (u >> 6) & 0x3F, 0x80 | u & 0x3F])
    return bytes(out), len(units) // 2


def s(text):
    """Java String, one final chunk."""
    data, n = cesu(text)
    if n <= 31:
        return bytes([n]) + data
    if n <= 1023:
        return bytes([0x30 + (n >> 8), n & 0xFF]) + data
    return b"\x53" + struct.pack(">H", n) + data


def classdef(name, *fields):
    return b"\x43" + s(name) + i(len(fields)) + b"".join(s(f) for f in fields)


SEEDS = {
    # Scalars.
    "ints": b"".join(i(v) for v in (0, -1, 47, 48, -17, 2048, -2049, 262144, -(2**31), 2**31 - 1)),
    "longs": b"".join(l(v) for v in (0, -8, 15, 16, -2049, 262144, -(2**31), 2**31, -(2**63), 2**63 - 1)),
    "doubles": h("5B 5C 5D 80 5E 7F FF 5F 00 00 00 64 5F FF FF FF 9C")
    + b"\x44" + struct.pack(">d", 3.141592653589793)
    + b"\x44" + struct.pack(">d", float("nan"))
    + b"\x44" + struct.pack(">d", -0.0),
    "bool_null": h("54 46 4E"),
    "date": h("4A 00 00 01 8B CF E5 68 00") + h("4B 00 E3 83 8F") + h("4B FF FF FF FF"),
    # Strings.
    "string_ascii": s("hello") + s("") + s("org.apache.dubbo.demo.DemoService"),
    "string_bmp": s("caf\u00e9 \u4e2d\u6587") + h("02 C0 80 41"),  # last: modified-UTF-8 NUL, "A"
    "string_surrogates": s("\U0001F600!") + h("02 F0 9F 98 80"),  # CESU-8 pair, then 4-byte UTF-8
    "string_chunked": h("52 00 03") + b"abc" + h("52 00 01 ED A0 BD") + h("01 ED B8 80") + h("03") + b"xyz",
    "string_long": s("x" * 40) + b"\x53" + struct.pack(">H", 3) + b"abc",
    # Binary.
    "binary": h("20") + h("23 01 02 03") + h("34 10") + bytes(range(16))
    + h("41 00 02 AA BB 22 CC DD") + h("42 00 01 FF"),
    # Lists.
    "list_typed": h("72") + s("[int") + i(1) + i(2) + b"\x56" + s("[string") + i(8)
    + b"".join(s(c) for c in "abcdefgh") + h("71 90") + i(3),  # third list: type ref #0
    "list_untyped": h("7A 91 92") + h("57 91") + s("hello") + h("5A") + h("58 98")
    + b"".join(i(v) for v in range(8)) + h("78"),
    "list_variable_typed": h("55") + s("java.util.HashSet") + i(1) + i(2) + h("5A"),
    "string_list": h("73") + s("[string") + s("a") + s("b") + s("c") + h("7A") + s("d") + b"\x4E",
    # Maps.
    "map_untyped": h("48") + i(1) + s("one") + s("name") + s("value") + h("5A") + h("48 5A"),
    "map_typed": h("4D") + s("java.util.LinkedHashMap") + s("a") + l(1) + s("b") + l(2**40) + h("5A")
    + h("4D 90") + s("c") + h("4E 5A"),
    # Objects, enums, references.
    "object_user": classdef("com.foo.User", "age", "name") + h("60") + i(30) + s("Alice")
    + h("60") + i(48) + s("Bob") + classdef("X") + h("4F 91"),
    "enum": classdef("com.foo.Color", "name") + h("60") + s("RED") + h("51 90")
    + h("60") + s("GREEN"),
    "references": h("48") + s("a") + h("7A 91 92") + s("b") + h("51 91") + h("5A")
    + h("79 93") + h("51 92") + h("51 90"),
    "fuzz_pojo": classdef("com.foo.FuzzPojo", "samples", "scores", "child", "kind", "id", "name")
    + h("60")
    + h("7A 5C") + h("5F 00 00 04 D2")  # samples [1.0, 1.234]
    + h("48") + s("a") + l(1) + s("b") + l(70000) + h("5A")  # scores
    + h("60 78 48 5A 4E 4E") + i(2) + s("child")  # child
    + classdef("com.foo.Kind", "name") + h("61") + s("ALPHA")  # kind
    + i(1) + s("root")
    + h("60 78 4E 4E 51 96") + i(3) + s("second"),  # a second pojo; its kind refers to ALPHA (slot 6)
    "fuzz_pojo_all_fields": classdef("com.foo.FuzzPojo", "name", "active", "level", "ratio", "payload",
                                     "created", "tags", "samples")
    + h("60") + s("all") + h("54") + i(-300) + h("5F 00 00 00 FA")  # name, active, level, ratio 0.25
    + h("23 00 FF 7F") + h("4B 01 B0 6A 15")  # payload, created (minutes)
    + h("72") + s("java.util.HashSet") + s("x") + s("y")  # tags
    + h("56") + s("[double") + i(2) + h("5D FF 44 7F F0 00 00 00 00 00 00"),  # samples [-1, +inf]
    "fuzz_pojo_cycle": classdef("com.foo.FuzzPojo", "name", "child") + h("60") + s("self") + h("51 90"),
    # Dubbo bodies (WIRE.md §11).
    "dubbo_request": s("2.0.2") + s("org.apache.dubbo.demo.DemoService") + s("0.0.0") + s("sayHello")
    + s("Ljava/lang/String;") + s("world") + h("48")
    + s("path") + s("org.apache.dubbo.demo.DemoService")
    + s("interface") + s("org.apache.dubbo.demo.DemoService")
    + s("version") + s("0.0.0") + s("timeout") + s("3000") + h("5A"),
    "dubbo_response": i(4) + s("Hello world") + h("48") + s("dubbo") + s("2.0.2") + h("5A"),
    "dubbo_generic": s("$invoke") + s("Ljava/lang/String;[Ljava/lang/String;[Ljava/lang/Object;")
    + s("sayHello") + h("71") + s("[string") + s("java.lang.String")
    + h("71") + s("[object") + s("world"),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".bin"):
            os.remove(os.path.join(OUT, name))
    for name, data in sorted(SEEDS.items()):
        with open(os.path.join(OUT, name + ".bin"), "wb") as f:
            f.write(data)
    print(f"wrote {len(SEEDS)} seeds to {OUT}")


if __name__ == "__main__":
    main()
