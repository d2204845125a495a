package org.apache.dubbo.swift.interop;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Deep structural comparison of expected values with decoded ones, reporting the first difference.
 *
 * <ul>
 *   <li>Classes must match exactly (an {@code ArrayList} where a {@code LinkedList} was expected is a
 *       difference, as is a {@code Long} where an {@code Integer} was expected).
 *   <li>Strings, boxed numbers (doubles bit-exact, NaN equal to NaN), dates, enums, BigDecimal,
 *       BigInteger and java.time values compare with {@code equals}; byte arrays by content.
 *   <li>Arrays, collections and maps compare element by element in iteration order; POJOs field by
 *       field (all non-static, non-transient fields up the class hierarchy).
 *   <li>Throwables compare by class, message and cause chain only (not stack trace).
 *   <li>Sharing must match: where the expected graph reaches one array, collection, map or POJO twice,
 *       the decoded graph must reach one decoded object twice there, and vice versa. This also makes
 *       cycles terminate.
 * </ul>
 */
final class StructuralDiff {
    private static final int EXCERPT_RADIUS = 12;

    private final Map<Object, Object> actualForExpected = new IdentityHashMap<>();
    private final Map<Object, String> expectedPaths = new IdentityHashMap<>();
    private final Map<Object, String> actualPaths = new IdentityHashMap<>();

    private StructuralDiff() {
    }

    /** Describes the first difference between the value lists, or returns null if there is none. */
    static String firstDifference(List<Object> expected, List<Object> actual) {
        StructuralDiff diff = new StructuralDiff();
        for (int i = 0; i < expected.size(); i++) {
            String difference = diff.compare("value[" + i + "]", expected.get(i), actual.get(i));
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private String compare(String path, Object expected, Object actual) {
        if (expected == null || actual == null) {
            return expected == actual ? null : mismatch(path, expected, actual);
        }
        if (expected.getClass() != actual.getClass()) {
            return mismatch(path, expected, actual);
        }
        if (expected instanceof String) {
            return compareStrings(path, (String) expected, (String) actual);
        }
        if (expected instanceof byte[]) {
            return compareBytes(path, (byte[]) expected, (byte[]) actual);
        }
        if (isValue(expected)) {
            return expected.equals(actual) ? null : mismatch(path, expected, actual);
        }
        if (expected instanceof Throwable) {
            return compareThrowables(path, (Throwable) expected, (Throwable) actual);
        }
        String firstPath = expectedPaths.get(expected);
        if (firstPath != null) {
            return actualForExpected.get(expected) == actual ? null
                    : path + ": expected a reference to the object at " + firstPath + ", got a separate "
                            + describe(actual);
        }
        String actualFirstPath = actualPaths.get(actual);
        if (actualFirstPath != null) {
            return path + ": expected a separate " + describe(expected)
                    + ", got a reference to the object at " + actualFirstPath;
        }
        expectedPaths.put(expected, path);
        actualPaths.put(actual, path);
        actualForExpected.put(expected, actual);

        if (expected.getClass().isArray()) {
            return compareArrays(path, expected, actual);
        }
        if (expected instanceof Collection) {
            return compareCollections(path, (Collection<?>) expected, (Collection<?>) actual);
        }
        if (expected instanceof Map) {
            return compareMaps(path, (Map<?, ?>) expected, (Map<?, ?>) actual);
        }
        if (expected.getClass().getName().startsWith("java.")) {
            return expected.equals(actual) ? null : mismatch(path, expected, actual);
        }
        return compareFields(path, expected, actual);
    }

    private static boolean isValue(Object value) {
        return value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Date
                || value instanceof Enum
                || value.getClass().getPackageName().equals("java.time");
    }

    private static String compareStrings(String path, String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        int index = 0;
        while (index < expected.length() && index < actual.length()
                && expected.charAt(index) == actual.charAt(index)) {
            index++;
        }
        return path + ": expected string of length " + expected.length() + " " + excerpt(expected, index)
                + ", got length " + actual.length() + " " + excerpt(actual, index)
                + " (first difference at UTF-16 index " + index + ")";
    }

    private static String compareBytes(String path, byte[] expected, byte[] actual) {
        int index = 0;
        while (index < expected.length && index < actual.length && expected[index] == actual[index]) {
            index++;
        }
        if (index == expected.length && index == actual.length) {
            return null;
        }
        return path + ": expected byte[" + expected.length + "] " + hexExcerpt(expected, index)
                + ", got byte[" + actual.length + "] " + hexExcerpt(actual, index)
                + " (first difference at index " + index + ")";
    }

    private String compareThrowables(String path, Throwable expected, Throwable actual) {
        String difference = compare(path + ".message", expected.getMessage(), actual.getMessage());
        if (difference != null) {
            return difference;
        }
        return compare(path + ".cause", expected.getCause(), actual.getCause());
    }

    private String compareArrays(String path, Object expected, Object actual) {
        int length = Array.getLength(expected);
        if (Array.getLength(actual) != length) {
            return mismatch(path, expected, actual);
        }
        for (int i = 0; i < length; i++) {
            String difference = compare(path + "[" + i + "]", Array.get(expected, i), Array.get(actual, i));
            if (difference != null) {
                return difference;
            }
        }
        return null;
    }

    private String compareCollections(String path, Collection<?> expected, Collection<?> actual) {
        if (expected.size() != actual.size()) {
            return mismatch(path, expected, actual);
        }
        Iterator<?> actualElements = actual.iterator();
        int index = 0;
        for (Object expectedElement : expected) {
            String difference = compare(path + "[" + index + "]", expectedElement, actualElements.next());
            if (difference != null) {
                return difference;
            }
            index++;
        }
        return null;
    }

    private String compareMaps(String path, Map<?, ?> expected, Map<?, ?> actual) {
        if (expected.size() != actual.size()) {
            return mismatch(path, expected, actual);
        }
        Iterator<? extends Map.Entry<?, ?>> actualEntries = actual.entrySet().iterator();
        int index = 0;
        for (Map.Entry<?, ?> expectedEntry : expected.entrySet()) {
            Map.Entry<?, ?> actualEntry = actualEntries.next();
            String difference = compare(path + ".keys[" + index + "]", expectedEntry.getKey(),
                    actualEntry.getKey());
            if (difference == null) {
                difference = compare(path + "[" + render(expectedEntry.getKey()) + "]",
                        expectedEntry.getValue(), actualEntry.getValue());
            }
            if (difference != null) {
                return difference;
            }
            index++;
        }
        return null;
    }

    private String compareFields(String path, Object expected, Object actual) {
        for (Class<?> type = expected.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                String difference;
                try {
                    difference = compare(path + "." + field.getName(), field.get(expected), field.get(actual));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read field " + field, e);
                }
                if (difference != null) {
                    return difference;
                }
            }
        }
        return null;
    }

    private static String mismatch(String path, Object expected, Object actual) {
        return path + ": expected " + describe(expected) + ", got " + describe(actual);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String type = value.getClass().getTypeName();
        if (value.getClass().isArray()) {
            return type.replaceFirst("\\[]", "[" + Array.getLength(value) + "]");
        }
        if (value instanceof Collection || value instanceof Map) {
            int size = value instanceof Map ? ((Map<?, ?>) value).size() : ((Collection<?>) value).size();
            return type + " of size " + size;
        }
        return type + " " + render(value);
    }

    private static String render(Object value) {
        if (value instanceof String) {
            return excerpt((String) value, 0);
        }
        if (value instanceof Date) {
            return ((Date) value).getTime() + " ms";
        }
        String text = String.valueOf(value);
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** The string around {@code index}, quoted, with non-printable ASCII and non-ASCII units escaped. */
    private static String excerpt(String text, int index) {
        int start = Math.max(0, index - EXCERPT_RADIUS);
        int end = Math.min(text.length(), index + EXCERPT_RADIUS);
        StringBuilder out = new StringBuilder(start > 0 ? "..." : "").append('"');
        for (int i = start; i < end; i++) {
            char unit = text.charAt(i);
            if (unit >= 0x20 && unit < 0x7F && unit != '"' && unit != '\\') {
                out.append(unit);
            } else {
                out.append(String.format("\\u%04X", (int) unit));
            }
        }
        return out.append('"').append(end < text.length() ? "..." : "").toString();
    }

    private static String hexExcerpt(byte[] data, int index) {
        int start = Math.max(0, index - EXCERPT_RADIUS);
        int end = Math.min(data.length, index + EXCERPT_RADIUS);
        StringBuilder out = new StringBuilder(start > 0 ? "..." : "").append('[');
        for (int i = start; i < end; i++) {
            out.append(i > start ? " " : "").append(String.format("%02X", data[i]));
        }
        return out.append(']').append(end < data.length ? "..." : "").toString();
    }
}
