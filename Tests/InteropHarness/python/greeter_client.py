#!/usr/bin/env python3
"""Calls org.apache.dubbo.sample.GreeterService on a Dubbo provider with a third-party Python client.

Usage: greeter_client.py [--client NAME] HOST PORT

NAME is a PyPI Dubbo client (Dubbo protocol + hessian2 over a direct TCP connection):
  dubbo-ssl-python  0.9.6  (module dubbo_ssl)
  python3-dubbo     0.0.8  (module dubbo)
Both descend from apache/dubbo-python2 and share its hessian2 codec; see README.md for the client
bugs this script works around (--no-workarounds shows them).

Prints one line per call ("PASS ..." or "FAIL ..."), then a summary line, and exits 0 only if every
call answered as expected; exit 3 means the client package is missing or has the wrong version.
"""

import argparse
import importlib
import importlib.metadata
import sys

CLIENTS = {
    # distribution: (pinned version, module, constructor keyword arguments besides host)
    "dubbo-ssl-python": ("0.9.6", "dubbo_ssl", {"group": None, "version": "0.0.0", "dubbo_version": "2.7.23"}),
    "python3-dubbo": ("0.0.8", "dubbo", {"version": "0.0.0"}),
}

INTERFACE = "org.apache.dubbo.sample.GreeterService"
USER_CLASS = "org.apache.dubbo.sample.User"
TIMEOUT = 15  # seconds per call


def to_java_string(text):
    """Returns `text` with every supplementary character split into its UTF-16 surrogate pair.

    The clients' encoder iterates Python code points, counts the hessian string length in code
    points and encodes each one as at most 3 bytes, which garbles characters above U+FFFF (it keeps
    only 16 bits of "🚀" and counts it as 1 unit instead of 2). Given the surrogates as separate
    code points it writes exactly what Java's hessian-lite writes: length in UTF-16 units, each
    surrogate as its own 3-byte sequence.
    """
    units = text.encode("utf-16-be", "surrogatepass")
    return "".join(chr(int.from_bytes(units[i:i + 2], "big")) for i in range(0, len(units), 2))


def from_java_string(value):
    """The inverse of to_java_string for decoded results (the decoder yields lone surrogates)."""
    if isinstance(value, str):
        return value.encode("utf-16-be", "surrogatepass").decode("utf-16-be")
    if isinstance(value, dict):
        return {from_java_string(k): from_java_string(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_java_string(v) for v in value]
    return value


def patch_string_reader(decoder):
    """Replaces the decoder's hessian string reader, which cannot read chunked or long strings.

    Client bug: `Response.read_string` tests `value == 'R'` (an int against a str, never true), so a
    non-final chunk `R` (0x52) falls into the `0x30..0x33` branch and is misread; and it reads the
    `S`/`R` chunk length as a *signed* 16-bit number, so any chunk over 32767 units goes negative.
    Java (and the Swift provider) split strings longer than 32768 UTF-16 units into `R` chunks.
    This reader follows the Hessian 2 grammar; `_read_utf` (unchanged) decodes each chunk.
    """
    Response = decoder.Response

    def read_string(self):
        parts = []
        while True:
            tag = self.read_byte()
            if tag in (0x52, 0x53):
                length = (self.read_byte() << 8) | self.read_byte()
            elif 0x00 <= tag <= 0x1F:
                length = tag
            elif 0x30 <= tag <= 0x33:
                length = ((tag - 0x30) << 8) | self.read_byte()
            else:
                raise ValueError("hessian string chunk expected, got tag 0x{:02x}".format(tag))
            parts.append(self._read_utf(length))
            if tag != 0x52:
                return "".join(parts)

    Response.read_string = read_string
    for tag in list(range(0x00, 0x20)) + list(range(0x30, 0x34)) + [0x52, 0x53]:
        decoder.functions[tag] = read_string


def patch_nonblocking_write(connections):
    """python3-dubbo only: retries a send that would block (EAGAIN is errno 11 on Linux).

    Client bug: `Connection.write` on its non-blocking socket retries only on errno 35 (EAGAIN on
    macOS) and raises on Linux's 11 once the socket buffer is full (large requests). dubbo-ssl-python
    already retries on 11.
    """
    import errno
    import socket
    import time

    Connection = connections.Connection
    sock_attr = "_Connection__sock"

    def write(self, data):
        view = memoryview(bytes(data))
        while view:
            try:
                sent = getattr(self, sock_attr).send(view)
                view = view[sent:]
            except (BlockingIOError, InterruptedError):
                time.sleep(0.005)
            except socket.error as e:
                if e.errno in (errno.EAGAIN, errno.EWOULDBLOCK, 35):
                    time.sleep(0.005)
                else:
                    raise

    Connection.write = write


def load_client(name, workarounds=True):
    version, module, kwargs = CLIENTS[name]
    try:
        installed = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        installed = None
    if installed != version:
        print(
            "MISSING Python package {}=={} (found {}); install it with: python3 -m pip install {}=={}".format(
                name, version, installed, name, version
            ),
            flush=True,
        )
        sys.exit(3)
    client_module = importlib.import_module(module + ".client")
    encoder = importlib.import_module(module + ".codec.encoder")
    decoder = importlib.import_module(module + ".codec.decoder")
    connections = importlib.import_module(module + ".connection.connections")
    if workarounds:
        patch_string_reader(decoder)
        if name == "python3-dubbo":
            patch_nonblocking_write(connections)
    return client_module.DubboClient, encoder.Object, kwargs


def long_name():
    """40,000 characters (41,448 UTF-16 units) whose reply crosses the 32,768-unit chunk boundary.

    The reply "Hello, " + name has a rocket's high surrogate at unit 32767, the last unit of a full
    chunk, so a writer following hessian-lite must end the first chunk one unit early.
    """
    head = "abcdé" * (32760 // 5)  # 32,760 units: the reply's unit 32,767 is the next one
    tail = "🚀wxyz" * 1448  # 1448 × 5 characters, 1448 × 6 units
    name = head + tail
    assert len(name) == 40000, len(name)
    assert len(name.encode("utf-16-be")) // 2 == 41448
    reply_units = ("Hello, " + name).encode("utf-16-be")
    assert 0xD800 <= int.from_bytes(reply_units[2 * 32767:2 * 32768], "big") <= 0xDBFF
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--client", choices=sorted(CLIENTS), default="dubbo-ssl-python")
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument(
        "--no-workarounds",
        action="store_true",
        help="use the client exactly as published (shows its bugs; some calls then fail)",
    )
    options = parser.parse_args()
    workarounds = not options.no_workarounds

    DubboClient, Object, kwargs = load_client(options.client, workarounds)
    client = DubboClient(INTERFACE, host="{}:{}".format(options.host, options.port), **kwargs)

    failures = 0

    def report(ok, call, detail):
        nonlocal failures
        if not ok:
            failures += 1
        print("{} {} -> {}".format("PASS" if ok else "FAIL", call, detail), flush=True)

    def invoke(method, *args):
        if workarounds:
            args = [to_java_string(a) if isinstance(a, str) else a for a in args]
        result = client.call(method, list(args), timeout=TIMEOUT)
        return from_java_string(result) if workarounds else result

    def check(call, method, args, expected, shown=None):
        try:
            result = invoke(method, *args)
        except Exception as e:  # the client raises its own exception types
            report(False, call, "{}: {}".format(type(e).__name__, e))
            return
        if result == expected:
            report(True, call, shown if shown is not None else repr(sorted_dict(result)))
        else:
            report(False, call, "got {!r}, expected {!r}".format(summarise(result), summarise(expected)))

    check('sayHello("world")', "sayHello", ["world"], "Hello, world")
    check('getUser("7")', "getUser", ["7"], {"id": "7", "name": "user-7", "age": 42})

    java = to_java_string if workarounds else (lambda text: text)
    user = Object(USER_CLASS, {"id": java("42"), "name": java("Zoë 🚀"), "age": 30})
    check(
        'echoUser(User{id: "42", name: "Zoë 🚀", age: 30})',
        "echoUser",
        [user],
        {"id": "42", "name": "Zoë 🚀", "age": 30},
    )

    name = long_name()
    check(
        "sayHello(<40000 characters, 41448 UTF-16 units>)",
        "sayHello",
        [name],
        "Hello, " + name,
        shown="<'Hello, ' + the same 40000 characters>",
    )

    # An unknown method: the provider must answer with an error (the text is provider-specific).
    call = 'noSuchMethod("x")'
    try:
        result = invoke("noSuchMethod", "x")
        report(False, call, "expected an error, got result {!r}".format(result))
    except Exception as e:
        text = " ".join(str(e).split())
        report(True, call, "error {}: {}".format(type(e).__name__, text[:300]))

    calls = 5
    if failures:
        print("client {} {}: {} of {} calls failed".format(options.client, CLIENTS[options.client][0], failures, calls))
        sys.exit(1)
    print("client {} {}: all {} calls as expected".format(options.client, CLIENTS[options.client][0], calls))


def sorted_dict(value):
    if isinstance(value, dict):
        return dict(sorted(value.items()))
    return value


def summarise(value):
    if isinstance(value, str) and len(value) > 80:
        return "<{} characters: {!r} ... {!r}>".format(len(value), value[:30], value[-30:])
    return sorted_dict(value)


if __name__ == "__main__":
    main()
