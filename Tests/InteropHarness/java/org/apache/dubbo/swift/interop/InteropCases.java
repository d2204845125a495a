package org.apache.dubbo.swift.interop;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.dubbo.sample.BoxedValues;
import org.apache.dubbo.sample.Color;
import org.apache.dubbo.sample.Item;
import org.apache.dubbo.sample.Node;
import org.apache.dubbo.sample.Order;
import org.apache.dubbo.sample.User;

/**
 * The catalogue of interop cases. Tests/InteropHarness/CASES.md documents every case; keep the two in
 * step. Every call builds fresh objects, so no instance is shared between cases or values unless a
 * case shares it on purpose.
 */
final class InteropCases {

    private InteropCases() {
    }

    static List<InteropCase> all() {
        List<InteropCase> cases = new ArrayList<>();
        cases.addAll(scalars());
        cases.addAll(strings());
        cases.addAll(binaries());
        cases.addAll(arrays());
        cases.addAll(collections());
        cases.addAll(maps());
        cases.addAll(objects());
        cases.addAll(references());
        cases.addAll(bigNumbers());
        cases.addAll(exceptions());
        cases.addAll(javaTime());
        return cases;
    }

    private static List<InteropCase> scalars() {
        return List.of(
                InteropCase.of("null", (Object) null),
                InteropCase.of("booleans", true, false),
                InteropCase.of("int-boundaries",
                        -16, 47, 48, -17, -2048, 2047, 2048, -2049, -262144, 262143, 262144, -262145,
                        Integer.MIN_VALUE, Integer.MAX_VALUE, 0),
                InteropCase.of("long-boundaries",
                        -8L, 15L, 16L, -9L, -2048L, 2047L, 2048L, -2049L, -262144L, 262143L, 262144L,
                        -262145L, (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE,
                        (long) Integer.MAX_VALUE + 1, (long) Integer.MIN_VALUE - 1, Long.MIN_VALUE,
                        Long.MAX_VALUE, 0L),
                InteropCase.of("doubles",
                        0.0, 1.0, -1.0, 127.0, -128.0, 128.0, -129.0, 32767.0, -32768.0, 32768.0, 1.5,
                        0.001, 12.25, -0.5, 3.141592653589793, 1e300, Double.MAX_VALUE, Double.MIN_VALUE,
                        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2147483.647,
                        1e-10),
                InteropCase.of("dates",
                        new Date(1700000040000L), new Date(1700000012345L), new Date(0L), new Date(-1000L)));
    }

    private static List<InteropCase> strings() {
        // Unit 32767 is the high half of U+1F600, so the first 32768-unit chunk must shrink to 32767.
        String surrogateAtChunkBoundary = "a".repeat(32767) + "\uD83D\uDE00" + "b".repeat(100);
        return List.of(
                InteropCase.of("string-lengths",
                        "", alphabet(1), alphabet(31), alphabet(32), alphabet(1023), alphabet(1024)),
                InteropCase.of("string-65535", alphabet(65535)),
                InteropCase.of("string-65536", alphabet(65536)),
                InteropCase.of("string-100000", alphabet(100000)),
                InteropCase.of("string-unicode",
                        "h\u00E9llo w\u00F6rld",
                        "\u4F60\u597D\uFF0C\u4E16\u754C",
                        "a\uD83D\uDE00b\uD834\uDD1E",
                        "\u0000x\uFFFF"),
                InteropCase.of("string-surrogate-at-chunk-boundary", surrogateAtChunkBoundary));
    }

    private static List<InteropCase> binaries() {
        return List.of(
                InteropCase.of("binary-short", bytes(0), bytes(15), bytes(16), bytes(1023), bytes(1024)),
                InteropCase.of("binary-65535", bytes(65535)),
                InteropCase.of("binary-100000", bytes(100000)));
    }

    private static List<InteropCase> arrays() {
        return List.of(
                InteropCase.of("array-int", (Object) new int[] {1, 2, 3}),
                InteropCase.of("array-int-10", (Object) new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
                InteropCase.of("array-int-empty", (Object) new int[0]),
                InteropCase.of("array-long", (Object) new long[] {1L, -9L, 4294967296L}),
                InteropCase.of("array-double", (Object) new double[] {0.0, 1.5, -2.25, 1e300}),
                InteropCase.of("array-boolean", (Object) new boolean[] {true, false, true}),
                InteropCase.of("array-string", (Object) new String[] {"a", "b"}),
                InteropCase.of("array-object", (Object) new Object[] {1, "two", 3.0, null}),
                InteropCase.of("array-string-nested",
                        (Object) new String[][] {{"a", "b"}, {}, {"c"}}),
                InteropCase.of("array-user", (Object) new User[] {
                        new User("u-1", "Alice", 30, new Date(1700000040000L)),
                        new User("u-2", "Bob", 25, new Date(1700000012345L))}),
                InteropCase.of("array-type-reuse", new int[] {1, 2}, new int[] {3}));
    }

    private static List<InteropCase> collections() {
        List<List<Object>> listOfLists = new ArrayList<>();
        listOfLists.add(new ArrayList<>(List.of(1, 2)));
        listOfLists.add(new ArrayList<>(List.of("a")));
        listOfLists.add(new ArrayList<>());
        return List.of(
                InteropCase.of("list-int-3", new ArrayList<>(List.of(1, 2, 3))),
                InteropCase.of("list-int-8", intList(8)),
                InteropCase.of("list-int-100", intList(100)),
                InteropCase.of("list-empty", new ArrayList<>()),
                InteropCase.of("linked-list", new LinkedList<>(List.of("a", "b"))),
                InteropCase.of("hash-set", new HashSet<>(List.of("only"))),
                InteropCase.of("tree-set", new TreeSet<>(List.of("cherry", "apple", "banana"))),
                InteropCase.of("list-of-lists", listOfLists));
    }

    private static List<InteropCase> maps() {
        Map<String, Integer> stringToInt = new HashMap<>();
        stringToInt.put("one", 1);
        Map<String, Integer> insertionOrdered = new LinkedHashMap<>();
        insertionOrdered.put("z", 1);
        insertionOrdered.put("a", 2);
        insertionOrdered.put("m", 3);
        Map<String, String> sorted = new TreeMap<>();
        sorted.put("b", "2");
        sorted.put("a", "1");
        sorted.put("c", "3");
        Map<Integer, String> intToString = new HashMap<>();
        intToString.put(1, "one");
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("key", null);
        return List.of(
                InteropCase.of("map-string-int", stringToInt),
                InteropCase.of("map-empty", new HashMap<>()),
                InteropCase.of("linked-hash-map", insertionOrdered),
                InteropCase.of("tree-map", sorted),
                InteropCase.of("map-int-key", intToString),
                InteropCase.of("map-null-value", nullValue));
    }

    private static List<InteropCase> objects() {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            users.add(new User("id-" + i, "user-" + i, i, new Date(1700000000000L + i * 1000L)));
        }
        List<Item> items = new ArrayList<>();
        items.add(new Item("SKU-1", 2, 19.99));
        items.add(new Item("SKU-2", 1, 5.5));
        Map<String, String> tags = new HashMap<>();
        tags.put("channel", "web");
        Order order = new Order(9007199254740993L, alice(), items, tags, Color.BLUE,
                new BigDecimal("45.48"));
        Map<String, String> attachments = new HashMap<>();
        attachments.put("path", "org.apache.dubbo.sample.UserService");
        return List.of(
                InteropCase.of("user", alice()),
                InteropCase.of("user-list-100", users),
                InteropCase.of("order", order),
                InteropCase.of("boxed-fields",
                        new BoxedValues(42, 1L << 40, 0.5, true),
                        new BoxedValues(null, null, null, null)),
                InteropCase.of("enum-single", Color.GREEN),
                InteropCase.of("enum-list", new ArrayList<>(List.of(Color.RED, Color.GREEN, Color.RED))),
                InteropCase.of("request-body",
                        "2.0.2", "org.apache.dubbo.sample.UserService", "0.0.0", "getUsers",
                        "Lorg/apache/dubbo/sample/User;Lorg/apache/dubbo/sample/User;",
                        alice(), new User("u-2", "Bob", 25, new Date(1700000012345L)), attachments));
    }

    private static List<InteropCase> references() {
        User shared = alice();
        List<User> sameUserTwice = new ArrayList<>(List.of(shared, shared));
        List<Integer> inner = new ArrayList<>(List.of(1, 2));
        List<List<Integer>> sameListTwice = new ArrayList<>(List.of(inner, inner));
        User sharedAcrossValues = alice();
        Node self = new Node("self");
        self.linkTo(self);
        Node first = new Node("a");
        Node second = new Node("b");
        first.linkTo(second);
        second.linkTo(first);
        return List.of(
                InteropCase.of("shared-user-in-list", sameUserTwice),
                InteropCase.of("shared-list", sameListTwice),
                InteropCase.of("shared-user-across-values", sharedAcrossValues, sharedAcrossValues),
                InteropCase.of("node-self-cycle", self),
                InteropCase.of("node-two-cycle", first));
    }

    private static List<InteropCase> bigNumbers() {
        return List.of(
                InteropCase.of("big-decimal",
                        new BigDecimal("12345.678900"), new BigDecimal("-1E+3"), new BigDecimal("0")),
                InteropCase.of("big-integer",
                        new BigInteger("12345678901234567890"), new BigInteger("-1"), new BigInteger("0")));
    }

    private static List<InteropCase> exceptions() {
        IllegalArgumentException inner = new IllegalArgumentException("inner");
        inner.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.apache.dubbo.sample.UserService", "validate", "UserService.java", 42)});
        IllegalStateException outer = new IllegalStateException("outer", inner);
        outer.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.apache.dubbo.sample.UserService", "getUser", "UserService.java", 17)});
        return List.of(
                // Keeps the stack trace of this JVM, so its bytes are not reproducible.
                InteropCase.of("exception-runtime", new RuntimeException("boom")),
                InteropCase.of("exception-with-cause", outer));
    }

    private static List<InteropCase> javaTime() {
        LocalDateTime dateTime = LocalDateTime.of(2024, 1, 15, 13, 45, 30, 123456789);
        return List.of(
                InteropCase.of("java-time-local-date", LocalDate.of(2024, 1, 15)),
                InteropCase.of("java-time-local-time", LocalTime.of(13, 45, 30, 123456789)),
                InteropCase.of("java-time-local-date-time", dateTime),
                InteropCase.of("java-time-instant", Instant.ofEpochSecond(1700000000L, 123456789)),
                InteropCase.of("java-time-duration", Duration.ofSeconds(3661, 500)),
                InteropCase.of("java-time-period", Period.of(1, 2, 3)),
                InteropCase.of("java-time-year", Year.of(2024)),
                InteropCase.of("java-time-year-month", YearMonth.of(2024, 2)),
                InteropCase.of("java-time-month-day", MonthDay.of(12, 25)),
                InteropCase.of("java-time-zone-offset", ZoneOffset.ofTotalSeconds(28800)),
                InteropCase.of("java-time-zone-id", ZoneId.of("Asia/Shanghai")),
                InteropCase.of("java-time-offset-date-time",
                        OffsetDateTime.of(dateTime, ZoneOffset.ofTotalSeconds(28800))),
                InteropCase.of("java-time-offset-time",
                        OffsetTime.of(LocalTime.of(13, 45, 30, 123456789), ZoneOffset.ofTotalSeconds(-18000))),
                InteropCase.of("java-time-zoned-date-time",
                        ZonedDateTime.of(dateTime, ZoneId.of("Europe/Paris"))));
    }

    private static User alice() {
        return new User("u-1", "Alice", 30, new Date(1700000040000L));
    }

    /** {@code length} characters, the one at index i being {@code 'a' + i % 26}. */
    private static String alphabet(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    /** {@code length} bytes, the one at index i being {@code i % 251}. */
    private static byte[] bytes(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i % 251);
        }
        return data;
    }

    /** An ArrayList of the Integers 0 ..< count. */
    private static List<Integer> intList(int count) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(i);
        }
        return list;
    }
}
