package org.apache.dubbo.swift.interop;

import com.caucho.hessian.io.Hessian2Input;
import com.caucho.hessian.io.Hessian2Output;
import com.caucho.hessian.io.SerializerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Java side of the Hessian 2 interop harness, with Caucho Hessian as the reference peer.
 *
 * <pre>
 * list        print the case names, one per line
 * encode DIR  write DIR/&lt;case&gt;.bin: one Hessian2Output stream holding the case's values
 * decode DIR  read every DIR/&lt;case&gt;.bin with Hessian2Input and compare with the case's values;
 *             print PASS/FAIL/MISSING per case and a summary; exit 0 only if every case passed
 * </pre>
 */
public final class HessianInterop {
    private static final int MAX_FAILURE_LENGTH = 2000;

    private HessianInterop() {
    }

    public static void main(String[] args) throws IOException {
        String command = args.length > 0 ? args[0] : "";
        List<InteropCase> cases = InteropCases.all();
        if (command.equals("list") && args.length == 1) {
            cases.forEach(interopCase -> System.out.println(interopCase.name()));
        } else if (command.equals("encode") && args.length == 2) {
            encodeAll(cases, Paths.get(args[1]), HessianLiteTypes.newSerializerFactory());
        } else if (command.equals("decode") && args.length == 2) {
            boolean allPassed = decodeAll(cases, Paths.get(args[1]), HessianLiteTypes.newSerializerFactory());
            System.exit(allPassed ? 0 : 1);
        } else {
            System.err.println("usage: HessianInterop list | encode DIR | decode DIR");
            System.exit(2);
        }
    }

    private static void encodeAll(List<InteropCase> cases, Path dir, SerializerFactory factory)
            throws IOException {
        Files.createDirectories(dir);
        for (InteropCase interopCase : cases) {
            Files.write(caseFile(dir, interopCase), encode(interopCase.values(), factory));
        }
        System.out.println("wrote " + cases.size() + " cases to " + dir);
    }

    private static byte[] encode(List<Object> values, SerializerFactory factory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.setSerializerFactory(factory);
        for (Object value : values) {
            out.writeObject(value);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** Returns whether every case passed. */
    private static boolean decodeAll(List<InteropCase> cases, Path dir, SerializerFactory factory) {
        int passed = 0;
        for (InteropCase interopCase : cases) {
            Path file = caseFile(dir, interopCase);
            if (!Files.isRegularFile(file)) {
                System.out.println("MISSING " + interopCase.name());
                continue;
            }
            String failure;
            try {
                failure = verify(interopCase.values(), Files.readAllBytes(file), factory);
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                failure = "verification threw " + describe(e);
            }
            if (failure == null) {
                passed++;
                System.out.println("PASS " + interopCase.name());
            } else {
                System.out.println("FAIL " + interopCase.name() + ": " + singleLine(failure));
            }
        }
        int failed = cases.size() - passed;
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0;
    }

    /**
     * Decodes {@code bytes} as the case's values; returns null if they match, else what went wrong. A
     * corrupt stream may fail in any way, including OutOfMemoryError for a huge declared length; every
     * such failure belongs to this case alone.
     */
    private static String verify(List<Object> expected, byte[] bytes, SerializerFactory factory)
            throws IOException {
        Hessian2Input in = new Hessian2Input(new ByteArrayInputStream(bytes));
        in.setSerializerFactory(factory);
        List<Object> decoded = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            try {
                decoded.add(in.readObject());
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                return "decoding value[" + i + "] (of " + expected.size() + ") threw " + describe(e);
            }
        }
        String difference = StructuralDiff.firstDifference(expected, decoded);
        if (difference != null) {
            return difference;
        }
        int unread = 0;
        while (in.read() >= 0) {
            unread++;
        }
        return unread == 0 ? null : unread + " unread byte(s) after the last value (stream is " + bytes.length
                + " bytes)";
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.toString());
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" (caused by ").append(cause).append(')');
        }
        return text.toString();
    }

    /**
     * Keeps a report on one line: Caucho's protocol errors embed raw stream bytes, so control characters
     * are escaped and very long texts are cut.
     */
    private static String singleLine(String text) {
        StringBuilder line = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (line.length() >= MAX_FAILURE_LENGTH) {
                return line + "...";
            }
            line.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return line.toString();
    }

    private static Path caseFile(Path dir, InteropCase interopCase) {
        return dir.resolve(interopCase.name() + ".bin");
    }
}
