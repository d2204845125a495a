package org.apache.dubbo.swift.interop.users;

import com.caucho.hessian.io.Hessian2Input;
import com.caucho.hessian.io.Hessian2Output;
import com.caucho.hessian.io.SerializerFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.example.users.Address;
import org.example.users.Profile;
import org.example.users.Role;

/**
 * The Hessian 2 bytes of {@code org.example.users.UserService} calls (user_service.proto), written
 * and read with Caucho Hessian 4.0.38 configured like Dubbo's hessian-lite ({@link HessianLiteForms}),
 * the way Java Dubbo's {@code DubboCodec} writes the items of a body: one stream, one
 * {@code writeObject} per argument or result.
 *
 * <pre>
 * encode DIR  write DIR/&lt;case&gt;.bin for every case
 * decode DIR  read every DIR/&lt;case&gt;.bin as Java Dubbo would ({@code readObject(parameterType)})
 *             and compare the values field by field; print PASS/FAIL/MISSING per case and a
 *             summary; exit 0 only if every case passed
 * </pre>
 */
public final class UserServiceInterop {
    private UserServiceInterop() {
    }

    interface Writer {
        void write(Hessian2Output out) throws IOException;
    }

    /** Reads a case's values in order and returns them. */
    interface Reader {
        List<Object> read(Hessian2Input in) throws IOException;
    }

    record Case(String name, List<Object> values, Reader reader) {
    }

    static List<Case> all() {
        return List.of(
                // Profile saveProfile(Profile profile)
                new Case("save-profile", List.of(sampleProfile(1)),
                        in -> List.of(in.readObject(Profile.class))),
                // List<Profile> find(String name, int limit, boolean includeInactive)
                new Case("find-arguments", List.of("Ada", 5, false),
                        in -> List.of(in.readObject(String.class), in.readObject(int.class),
                                in.readObject(boolean.class))),
                // Profile getProfile(long id)
                new Case("get-profile-arguments", List.of(1L),
                        in -> List.of(in.readObject(long.class))),
                // the List<Profile> that find returns
                new Case("find-result", List.of(new ArrayList<>(List.of(sampleProfile(1), secondProfile()))),
                        in -> List.of(in.readObject(List.class))));
    }

    /** Swift's {@code sampleProfile(id:)} (Tests/DubboGeneratedTests/UserServiceTests.swift). */
    static Profile sampleProfile(long id) {
        Profile profile = new Profile();
        profile.id = id;
        profile.name = "Ada Lovelace";
        profile.role = Role.ADMIN;
        profile.age = 36;
        profile.createdAt = new Date(1_700_000_000_123L);
        profile.lastLoginAt = new Date(1_700_000_600_000L);
        profile.balance = new BigDecimal("12345.6789");
        profile.address = new Address("12 St James's Square", "London", 10001);
        profile.tags = new ArrayList<>(List.of("math", "poetry", "engines"));
        profile.previousAddresses = new ArrayList<>(List.of(new Address("", "Marylebone", 0),
                new Address("", "Ockham", 0)));
        profile.scores = new HashMap<>(Map.of("analysis", 98, "algebra", 91, "logic", 87));
        profile.luckyNumbers = new long[] {3, 1_815, -9_000_000_000L};
        profile.nicknames = new HashSet<>(List.of("Enchantress of Numbers"));
        profile.nickname = "Ada";
        profile.active = true;
        profile.rating = 4.75;
        profile.weight = 55.5f;
        profile.level = 7;
        profile.avatar = new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};
        profile.birthday = LocalDate.of(1815, 12, 10);
        profile.addressesByKind = new LinkedHashMap<>(Map.of("home", new Address("", "London", 0)));
        return profile;
    }

    /** The second profile of find's result: Java nulls where Swift leaves fields unset. */
    static Profile secondProfile() {
        Profile profile = sampleProfile(2);
        profile.name = "Ada King";
        profile.active = false;
        profile.age = null;
        profile.nickname = null;
        profile.address = null;
        return profile;
    }

    public static void main(String[] args) throws IOException {
        String command = args.length == 2 ? args[0] : "";
        if (command.equals("encode")) {
            Path dir = Paths.get(args[1]);
            Files.createDirectories(dir);
            for (Case c : all()) {
                Files.write(dir.resolve(c.name() + ".bin"), encode(c));
            }
        } else if (command.equals("decode")) {
            System.exit(decodeAll(Paths.get(args[1])) ? 0 : 1);
        } else {
            System.err.println("usage: UserServiceInterop encode DIR | decode DIR");
            System.exit(2);
        }
    }

    static byte[] encode(Case c) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Hessian2Output out = new Hessian2Output(bytes);
        out.setSerializerFactory(FACTORY);
        for (Object value : c.values()) {
            out.writeObject(value);
        }
        out.flush();
        return bytes.toByteArray();
    }

    static final SerializerFactory FACTORY = HessianLiteForms.newSerializerFactory();

    /** Returns whether every case passed. */
    static boolean decodeAll(Path dir) {
        List<Case> cases = all();
        int passed = 0;
        for (Case c : cases) {
            Path file = dir.resolve(c.name() + ".bin");
            if (!Files.isRegularFile(file)) {
                System.out.println("MISSING " + c.name());
                continue;
            }
            List<String> differences;
            try {
                differences = verify(c, Files.readAllBytes(file));
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                differences = List.of("reading threw " + e);
            }
            if (differences.isEmpty()) {
                passed++;
                System.out.println("PASS " + c.name());
            } else {
                String detail = String.join("; ", differences).replaceAll("[\\x00-\\x1F\\x7F]", "?");
                System.out.println("FAIL " + c.name() + ": " + detail);
            }
        }
        int failed = cases.size() - passed;
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0;
    }

    /** Every difference between the case's values and what {@code bytes} hold; empty if none. */
    static List<String> verify(Case c, byte[] bytes) throws IOException {
        Hessian2Input in = new Hessian2Input(new ByteArrayInputStream(bytes));
        in.setSerializerFactory(FACTORY);
        List<Object> actual = c.reader().read(in);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < c.values().size(); i++) {
            diff("value[" + i + "]", c.values().get(i), actual.get(i), differences);
        }
        int unread = 0;
        while (in.read() >= 0) {
            unread++;
        }
        if (unread > 0) {
            differences.add(unread + " unread byte(s) after the last value (" + bytes.length + " bytes)");
        }
        return differences;
    }

    /**
     * Adds to {@code out} every difference between {@code expected} and {@code actual}: classes must be
     * equal ({@code ArrayList} is not {@code LinkedList}, {@code Float} is not {@code Double}); POJOs of
     * {@code org.example.users} field by field, arrays, lists and {@code LinkedHashMap}s element by
     * element in order, other maps key by key, everything else with {@code equals}.
     */
    static void diff(String path, Object expected, Object actual, List<String> out) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                out.add(path + ": expected " + describe(expected) + ", got " + describe(actual));
            }
            return;
        }
        Class<?> type = expected.getClass();
        if (type != actual.getClass()) {
            out.add(path + ": expected a " + type.getName() + ", got " + describe(actual));
        } else if (type.isArray()) {
            int length = Array.getLength(expected);
            if (length != Array.getLength(actual)) {
                out.add(path + ": expected " + length + " elements, got " + Array.getLength(actual));
                return;
            }
            for (int i = 0; i < length; i++) {
                diff(path + "[" + i + "]", Array.get(expected, i), Array.get(actual, i), out);
            }
        } else if (expected instanceof List<?> list) {
            List<?> other = (List<?>) actual;
            if (list.size() != other.size()) {
                out.add(path + ": expected " + list.size() + " elements, got " + other.size());
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                diff(path + "[" + i + "]", list.get(i), other.get(i), out);
            }
        } else if (expected instanceof Map<?, ?> map) {
            Map<?, ?> other = (Map<?, ?>) actual;
            boolean ordered = expected instanceof LinkedHashMap;
            List<?> keys = new ArrayList<>(map.keySet());
            List<?> otherKeys = new ArrayList<>(other.keySet());
            if (ordered ? !keys.equals(otherKeys) : !map.keySet().equals(other.keySet())) {
                out.add(path + ": expected the keys " + keys + ", got " + otherKeys);
                return;
            }
            for (Object key : keys) {
                diff(path + "[" + key + "]", map.get(key), other.get(key), out);
            }
        } else if (type.getName().startsWith("org.example.users.") && !type.isEnum()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    diff(path + "." + field.getName(), field.get(expected), field.get(actual), out);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + describe(expected) + ", got " + describe(actual));
        }
    }

    static String describe(Object value) {
        if (value instanceof Date date) {
            return "java.util.Date " + date.getTime();
        }
        return value == null ? "null" : value.getClass().getName() + " " + value;
    }
}
