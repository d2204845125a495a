package org.apache.dubbo.swift.interop.bodies;

import com.caucho.hessian.io.Hessian2Input;
import com.caucho.hessian.io.Hessian2Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.dubbo.sample.User;

/**
 * Dubbo request and response bodies (WIRE.md sections 2 and 3) written and read with Caucho Hessian the
 * way Java Dubbo's {@code DubboCodec} does: one {@code Hessian2Output} (or {@code Hessian2Input}) per body,
 * {@code writeUTF} = {@code writeString}, {@code writeByte} = {@code writeInt}, arguments, results and
 * throwables with {@code writeObject}, attachments as one {@code java.util.HashMap}.
 *
 * <pre>
 * encode DIR  write DIR/&lt;body&gt;.bin for every body
 * decode DIR  read every DIR/&lt;body&gt;.bin as Java Dubbo would and check the values; print
 *             PASS/FAIL/MISSING per body and a summary; exit 0 only if every body passed
 * </pre>
 */
public final class DubboBodies {
    static final String DUBBO_VERSION = "2.0.2";
    static final String SERVICE = "org.apache.dubbo.sample.GreeterService";
    static final String SERVICE_VERSION = "0.0.0";
    static final String TIMEOUT = "3000";

    private DubboBodies() {
    }

    /** Writes the items of one body. */
    interface Writer {
        void write(Hessian2Output out) throws IOException;
    }

    /** Reads the items of one body, throwing {@link Mismatch} at the first unexpected one. */
    interface Reader {
        void read(Hessian2Input in) throws IOException;
    }

    /** The first item of a body that is not as expected. */
    static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    record Body(String name, Writer writer, Reader reader) {
    }

    static List<Body> all() {
        User user = new User("42", "Zo\u00EB \uD83D\uDE80", 30);
        return List.of(
                new Body("request-say-hello",
                        out -> writeRequest(out, "sayHello", "Ljava/lang/String;", "world"),
                        in -> readRequest(in, "sayHello", "Ljava/lang/String;", String.class, "world")),
                new Body("request-echo-user",
                        out -> writeRequest(out, "echoUser", "Lorg/apache/dubbo/sample/User;", user),
                        in -> readRequest(in, "echoUser", "Lorg/apache/dubbo/sample/User;", User.class, user)),
                new Body("request-generic-invoke",
                        out -> writeGenericRequest(out, "echoUser", GENERIC_TYPES, genericArguments()),
                        in -> readGenericRequest(in, "echoUser", GENERIC_TYPES, genericArguments())),
                new Body("response-value-with-attachments",
                        out -> {
                            out.writeInt(4);
                            out.writeObject("Hello, world");
                            out.writeObject(responseAttachments());
                        },
                        in -> {
                            check("flag", 4, in.readInt());
                            check("value", "Hello, world", in.readObject(String.class));
                            checkAttachments(responseAttachments(), in.readObject(HashMap.class));
                        }),
                new Body("response-generic-result",
                        out -> {
                            out.writeInt(4);
                            out.writeObject(genericArguments()[0]);
                            out.writeObject(responseAttachments());
                        },
                        in -> {
                            check("flag", 4, in.readInt());
                            check("value", genericArguments()[0], in.readObject(HashMap.class));
                            checkAttachments(responseAttachments(), in.readObject(HashMap.class));
                        }),
                new Body("response-null-value",
                        out -> out.writeInt(2),
                        in -> check("flag", 2, in.readInt())),
                new Body("response-null-value-with-attachments",
                        out -> {
                            out.writeInt(5);
                            out.writeObject(responseAttachments());
                        },
                        in -> {
                            check("flag", 5, in.readInt());
                            checkAttachments(responseAttachments(), in.readObject(HashMap.class));
                        }),
                new Body("response-exception-with-attachments",
                        out -> {
                            out.writeInt(3);
                            out.writeObject(new IllegalStateException("boom"));
                            out.writeObject(responseAttachments());
                        },
                        in -> {
                            check("flag", 3, in.readInt());
                            checkThrowable(in.readObject());
                            checkAttachments(responseAttachments(), in.readObject(HashMap.class));
                        }));
    }

    /** What a J33 consumer puts in the attachments of a GreeterService call, in this order. */
    static HashMap<String, Object> requestAttachments() {
        HashMap<String, Object> attachments = new HashMap<>();
        attachments.put("path", SERVICE);
        attachments.put("interface", SERVICE);
        attachments.put("version", SERVICE_VERSION);
        attachments.put("timeout", TIMEOUT);
        return attachments;
    }

    static final String[] GENERIC_TYPES = {"org.apache.dubbo.sample.User"};

    /** A {@code User} as {@code PojoUtils.generalize} makes it: a HashMap with its class. */
    static Object[] genericArguments() {
        HashMap<String, Object> user = new HashMap<>();
        user.put("class", "org.apache.dubbo.sample.User");
        user.put("id", "42");
        user.put("name", "Zo\u00EB \uD83D\uDE80");
        user.put("age", 30);
        return new Object[] {user};
    }

    /** What a J33 generic consumer ({@code GenericImplFilter}) adds: the {@code generic} mode. */
    static HashMap<String, Object> genericRequestAttachments() {
        HashMap<String, Object> attachments = requestAttachments();
        attachments.put("generic", "true");
        return attachments;
    }

    /** {@code DubboCodec.encodeRequestData} for {@code GenericService.$invoke}. */
    static void writeGenericRequest(Hessian2Output out, String method, String[] types, Object[] arguments)
            throws IOException {
        out.writeString(DUBBO_VERSION);
        out.writeString(SERVICE);
        out.writeString(SERVICE_VERSION);
        out.writeString("$invoke");
        out.writeString(GENERIC_DESCRIPTOR);
        out.writeObject(method);
        out.writeObject(types);
        out.writeObject(arguments);
        out.writeObject(genericRequestAttachments());
    }

    /** {@code DecodeableRpcInvocation.decode} for {@code GenericService.$invoke}. */
    static void readGenericRequest(Hessian2Input in, String method, String[] types, Object[] arguments)
            throws IOException {
        check("dubbo version", DUBBO_VERSION, in.readString());
        check("path", SERVICE, in.readString());
        check("version", SERVICE_VERSION, in.readString());
        check("method", "$invoke", in.readString());
        check("descriptor", GENERIC_DESCRIPTOR, in.readString());
        check("generic method", method, in.readObject(String.class));
        Object readTypes = in.readObject(String[].class);
        if (!(readTypes instanceof String[] names) || !Arrays.equals(types, names)) {
            throw new Mismatch("parameter types: expected " + Arrays.toString(types) + ", got " + describe(readTypes));
        }
        Object readArguments = in.readObject(Object[].class);
        if (!(readArguments instanceof Object[] values) || !Arrays.equals(arguments, values)) {
            throw new Mismatch("arguments: expected " + Arrays.toString(arguments) + ", got " + describe(readArguments));
        }
        checkAttachments(genericRequestAttachments(), in.readObject(HashMap.class));
    }

    static final String GENERIC_DESCRIPTOR = "Ljava/lang/String;[Ljava/lang/String;[Ljava/lang/Object;";

    /** What a provider adds to the result attachments for a 2.0.2 consumer. */
    static HashMap<String, Object> responseAttachments() {
        HashMap<String, Object> attachments = new HashMap<>();
        attachments.put("dubbo", DUBBO_VERSION);
        return attachments;
    }

    /** {@code DubboCodec.encodeRequestData} for a one-argument method. */
    static void writeRequest(Hessian2Output out, String method, String descriptor, Object argument)
            throws IOException {
        out.writeString(DUBBO_VERSION);
        out.writeString(SERVICE);
        out.writeString(SERVICE_VERSION);
        out.writeString(method);
        out.writeString(descriptor);
        out.writeObject(argument);
        out.writeObject(requestAttachments());
    }

    /** {@code DecodeableRpcInvocation.decode} for a one-argument method. */
    static void readRequest(Hessian2Input in, String method, String descriptor, Class<?> parameterType,
            Object argument) throws IOException {
        check("dubbo version", DUBBO_VERSION, in.readString());
        check("path", SERVICE, in.readString());
        check("version", SERVICE_VERSION, in.readString());
        check("method", method, in.readString());
        check("descriptor", descriptor, in.readString());
        check("argument", argument, in.readObject(parameterType));
        checkAttachments(requestAttachments(), in.readObject(HashMap.class));
    }

    static void check(String item, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new Mismatch(item + ": expected " + describe(expected) + ", got " + describe(actual));
        }
    }

    /** {@code readAttachments}: must be a plain {@code java.util.HashMap} (an {@code H} map). */
    static void checkAttachments(Map<String, Object> expected, Object actual) {
        if (actual == null || actual.getClass() != HashMap.class) {
            throw new Mismatch("attachments: expected a java.util.HashMap, got " + describe(actual));
        }
        check("attachments", expected, actual);
    }

    /** {@code readThrowable}: {@code new IllegalStateException("boom")}, no cause. */
    static void checkThrowable(Object actual) {
        if (actual == null || actual.getClass() != IllegalStateException.class) {
            throw new Mismatch("exception: expected a java.lang.IllegalStateException, got " + describe(actual));
        }
        Throwable throwable = (Throwable) actual;
        check("exception message", "boom", throwable.getMessage());
        check("exception cause", null, throwable.getCause());
    }

    static String describe(Object value) {
        return value == null ? "null" : value.getClass().getName() + " " + value;
    }

    public static void main(String[] args) throws IOException {
        String command = args.length == 2 ? args[0] : "";
        if (command.equals("encode")) {
            Path dir = Paths.get(args[1]);
            Files.createDirectories(dir);
            for (Body body : all()) {
                Files.write(dir.resolve(body.name() + ".bin"), encode(body));
            }
        } else if (command.equals("decode")) {
            System.exit(decodeAll(Paths.get(args[1])) ? 0 : 1);
        } else {
            System.err.println("usage: DubboBodies encode DIR | decode DIR");
            System.exit(2);
        }
    }

    static byte[] encode(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        body.writer().write(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** Returns whether every body passed. */
    static boolean decodeAll(Path dir) {
        List<Body> bodies = all();
        int passed = 0;
        for (Body body : bodies) {
            Path file = dir.resolve(body.name() + ".bin");
            if (!Files.isRegularFile(file)) {
                System.out.println("MISSING " + body.name());
                continue;
            }
            String failure;
            try {
                failure = verify(body, Files.readAllBytes(file));
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                failure = "reading threw " + e;
            }
            if (failure == null) {
                passed++;
                System.out.println("PASS " + body.name());
            } else {
                System.out.println("FAIL " + body.name() + ": " + failure.replaceAll("[\\x00-\\x1F\\x7F]", "?"));
            }
        }
        int failed = bodies.size() - passed;
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0;
    }

    /** Returns null if {@code bytes} hold exactly the body's items, else what differs. */
    static String verify(Body body, byte[] bytes) throws IOException {
        Hessian2Input in = new Hessian2Input(new ByteArrayInputStream(bytes));
        try {
            body.reader().read(in);
        } catch (Mismatch mismatch) {
            return mismatch.getMessage();
        }
        int unread = 0;
        while (in.read() >= 0) {
            unread++;
        }
        return unread == 0 ? null : unread + " unread byte(s) after the last item (body is " + bytes.length + " bytes)";
    }
}
