package org.apache.dubbo.swift.interop.users;

import com.alibaba.com.caucho.hessian.io.java8.LocalDateHandle;
import com.caucho.hessian.io.AbstractHessianOutput;
import com.caucho.hessian.io.AbstractSerializer;
import com.caucho.hessian.io.AbstractSerializerFactory;
import com.caucho.hessian.io.Deserializer;
import com.caucho.hessian.io.Serializer;
import com.caucho.hessian.io.SerializerFactory;
import com.caucho.hessian.io.StringValueDeserializer;
import com.caucho.hessian.io.StringValueSerializer;
import com.caucho.hessian.io.UnsafeSerializer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Makes Caucho Hessian 4.0.38 write what Dubbo's hessian-lite writes for the types of
 * user_service.proto, where the two differ (WIRE.md section 7; Tests/InteropHarness/CASES.md,
 * "Caucho wire observations"):
 *
 * <ul>
 * <li><b>Field order.</b> Both collect the fields as primitive-like (primitives and
 * {@code java.lang.*} but {@code Object}) then compound, each in declaration order; hessian-lite
 * then reverses the list, Caucho does not. {@link HessianLiteOrder} is Caucho's own
 * {@code UnsafeSerializer} (same field writers) with that list reversed. Used for the POJOs of
 * {@code org.example.users} and for {@code LocalDateHandle}.</li>
 * <li><b>Boxed {@code Float}.</b> Caucho writes a {@code com.caucho.hessian.io.FloatHandle} object;
 * hessian-lite writes the double of its decimal text ({@code Double.parseDouble(String.valueOf(f))}).</li>
 * <li><b>{@code BigDecimal}.</b> Caucho has no serializer; hessian-lite writes an object with one
 * field {@code value} = {@code toString()} (Caucho's own {@code StringValueSerializer} does that).</li>
 * <li><b>{@code LocalDate}.</b> Caucho has no serializer; hessian-lite writes a
 * {@code com.alibaba.com.caucho.hessian.io.java8.LocalDateHandle} (copy in ../java), and only the
 * Handle takes a reference slot.</li>
 * </ul>
 *
 * Everything else (strings, numbers, dates, lists, maps, enums, references, class definitions) is
 * Caucho's unchanged.
 */
final class HessianLiteForms extends AbstractSerializerFactory {

    private HessianLiteForms() {
    }

    /** Caucho's default factory with these forms added; used for both encoding and decoding. */
    static SerializerFactory newSerializerFactory() {
        SerializerFactory factory = new SerializerFactory();
        factory.addFactory(new HessianLiteForms());
        return factory;
    }

    @Override
    @SuppressWarnings("rawtypes") // the overridden Caucho API uses the raw type
    public Serializer getSerializer(Class type) {
        if (type == BigDecimal.class) {
            return new StringValueSerializer();
        }
        if (type == Float.class) {
            return FLOAT;
        }
        if (type == LocalDate.class) {
            return LOCAL_DATE;
        }
        boolean usersPojo = type.getName().startsWith("org.example.users.") && !type.isEnum();
        return usersPojo || type == LocalDateHandle.class ? new HessianLiteOrder(type) : null;
    }

    @Override
    @SuppressWarnings("rawtypes") // the overridden Caucho API uses the raw type
    public Deserializer getDeserializer(Class type) {
        return type == BigDecimal.class ? new StringValueDeserializer(BigDecimal.class) : null;
    }

    /** hessian-lite's {@code BasicSerializer} for {@code FLOAT}. */
    private static final Serializer FLOAT = new AbstractSerializer() {
        @Override
        public void writeObject(Object value, AbstractHessianOutput out) throws IOException {
            out.writeDouble(Double.parseDouble(String.valueOf(((Float) value).floatValue())));
        }
    };

    /** hessian-lite's {@code LocalDateSerializer}: the Handle in place of the value. */
    private static final Serializer LOCAL_DATE = new AbstractSerializer() {
        @Override
        public void writeObject(Object value, AbstractHessianOutput out) throws IOException {
            out.writeObject(new LocalDateHandle((LocalDate) value));
        }
    };

    /** Caucho's {@code UnsafeSerializer} with its field list reversed, as hessian-lite's is. */
    static final class HessianLiteOrder extends UnsafeSerializer {
        HessianLiteOrder(Class<?> type) {
            super(type);
        }

        @Override
        protected void introspect(Class<?> type) {
            super.introspect(type);
            reverse("_fields");
            reverse("_fieldSerializers");
        }

        private void reverse(String arrayField) {
            try {
                Field field = UnsafeSerializer.class.getDeclaredField(arrayField);
                field.setAccessible(true);
                List<Object> items = Arrays.asList((Object[]) field.get(this));
                Collections.reverse(items); // reverses the array itself
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Caucho's UnsafeSerializer has no " + arrayField, e);
            }
        }
    }
}
