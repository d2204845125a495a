package org.apache.dubbo.swift.interop;

import com.alibaba.com.caucho.hessian.io.java8.DurationHandle;
import com.alibaba.com.caucho.hessian.io.java8.InstantHandle;
import com.alibaba.com.caucho.hessian.io.java8.LocalDateHandle;
import com.alibaba.com.caucho.hessian.io.java8.LocalDateTimeHandle;
import com.alibaba.com.caucho.hessian.io.java8.LocalTimeHandle;
import com.alibaba.com.caucho.hessian.io.java8.MonthDayHandle;
import com.alibaba.com.caucho.hessian.io.java8.OffsetDateTimeHandle;
import com.alibaba.com.caucho.hessian.io.java8.OffsetTimeHandle;
import com.alibaba.com.caucho.hessian.io.java8.PeriodHandle;
import com.alibaba.com.caucho.hessian.io.java8.YearHandle;
import com.alibaba.com.caucho.hessian.io.java8.YearMonthHandle;
import com.alibaba.com.caucho.hessian.io.java8.ZoneIdHandle;
import com.alibaba.com.caucho.hessian.io.java8.ZoneOffsetHandle;
import com.alibaba.com.caucho.hessian.io.java8.ZonedDateTimeHandle;
import com.caucho.hessian.io.AbstractHessianOutput;
import com.caucho.hessian.io.AbstractSerializer;
import com.caucho.hessian.io.AbstractSerializerFactory;
import com.caucho.hessian.io.Deserializer;
import com.caucho.hessian.io.Serializer;
import com.caucho.hessian.io.SerializerFactory;
import com.caucho.hessian.io.StringValueDeserializer;
import com.caucho.hessian.io.StringValueSerializer;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.Map;
import java.util.function.Function;

/**
 * Teaches Caucho the wire forms Dubbo's hessian-lite uses for types Caucho has no serializer for:
 * {@link BigDecimal} as an object with one field {@code value} = {@code toString()}, and java.time
 * values as the hessian-lite Handle objects of package {@code com.alibaba.com.caucho.hessian.io.java8}.
 */
final class HessianLiteTypes extends AbstractSerializerFactory {

    private static final Map<Class<?>, Function<Object, Object>> HANDLES = Map.ofEntries(
            Map.entry(LocalDate.class, value -> new LocalDateHandle((LocalDate) value)),
            Map.entry(LocalTime.class, value -> new LocalTimeHandle((LocalTime) value)),
            Map.entry(LocalDateTime.class, value -> new LocalDateTimeHandle((LocalDateTime) value)),
            Map.entry(Instant.class, value -> new InstantHandle((Instant) value)),
            Map.entry(Duration.class, value -> new DurationHandle((Duration) value)),
            Map.entry(Period.class, value -> new PeriodHandle((Period) value)),
            Map.entry(Year.class, value -> new YearHandle((Year) value)),
            Map.entry(YearMonth.class, value -> new YearMonthHandle((YearMonth) value)),
            Map.entry(MonthDay.class, value -> new MonthDayHandle((MonthDay) value)),
            Map.entry(ZoneOffset.class, value -> new ZoneOffsetHandle((ZoneOffset) value)),
            Map.entry(OffsetDateTime.class, value -> new OffsetDateTimeHandle((OffsetDateTime) value)),
            Map.entry(OffsetTime.class, value -> new OffsetTimeHandle((OffsetTime) value)),
            Map.entry(ZonedDateTime.class, value -> new ZonedDateTimeHandle((ZonedDateTime) value)));

    private HessianLiteTypes() {
    }

    /** Caucho's default factory with these types added; used for both encoding and decoding. */
    static SerializerFactory newSerializerFactory() {
        SerializerFactory factory = new SerializerFactory();
        factory.addFactory(new HessianLiteTypes());
        return factory;
    }

    @Override
    @SuppressWarnings("rawtypes") // the overridden Caucho API uses the raw type
    public Serializer getSerializer(Class type) {
        if (type == BigDecimal.class) {
            return new StringValueSerializer();
        }
        Function<Object, Object> toHandle = HANDLES.get(type);
        if (toHandle == null && ZoneId.class.isAssignableFrom(type)) {
            // Region ids such as "Asia/Shanghai" are instances of the non-public java.time.ZoneRegion.
            toHandle = zone -> new ZoneIdHandle((ZoneId) zone);
        }
        return toHandle == null ? null : new HandleSerializer(toHandle);
    }

    @Override
    @SuppressWarnings("rawtypes") // the overridden Caucho API uses the raw type
    public Deserializer getDeserializer(Class type) {
        return type == BigDecimal.class ? new StringValueDeserializer(BigDecimal.class) : null;
    }

    /**
     * Writes a value as its Handle, like hessian-lite's java8 serializers: the original value takes no
     * slot in the reference table, only the Handle does.
     */
    private static final class HandleSerializer extends AbstractSerializer {
        private final Function<Object, Object> toHandle;

        HandleSerializer(Function<Object, Object> toHandle) {
            this.toHandle = toHandle;
        }

        @Override
        public void writeObject(Object value, AbstractHessianOutput out) throws IOException {
            out.writeObject(toHandle.apply(value));
        }
    }
}
