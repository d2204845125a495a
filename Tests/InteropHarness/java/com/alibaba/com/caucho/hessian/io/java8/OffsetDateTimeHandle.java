package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The fields hold java.time values; on the wire each is itself replaced by its Handle. */
public class OffsetDateTimeHandle implements Serializable {
    private LocalDateTime dateTime;
    private ZoneOffset offset;

    public OffsetDateTimeHandle(OffsetDateTime offsetDateTime) {
        this.dateTime = offsetDateTime.toLocalDateTime();
        this.offset = offsetDateTime.getOffset();
    }

    private Object readResolve() {
        return OffsetDateTime.of(dateTime, offset);
    }
}
