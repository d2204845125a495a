package org.apache.dubbo.swift.interop;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One interop case: the values written, in order, to a single Hessian 2 stream (so they share the
 * stream's class-definition, type and reference tables).
 */
record InteropCase(String name, List<Object> values) {

    /** A case whose stream holds the given values; {@code null} elements are allowed. */
    static InteropCase of(String name, Object... values) {
        return new InteropCase(name, Collections.unmodifiableList(Arrays.asList(values)));
    }
}
