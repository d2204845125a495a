package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** dateTime and offset hold java.time values; on the wire each is itself replaced by its Handle. */
public class ZonedDateTimeHandle implements Serializable {
    private LocalDateTime dateTime;
    private ZoneOffset offset;
    private String zoneId;

    public ZonedDateTimeHandle(ZonedDateTime zonedDateTime) {
        this.dateTime = zonedDateTime.toLocalDateTime();
        this.offset = zonedDateTime.getOffset();
        this.zoneId = zonedDateTime.getZone().getId();
    }

    private Object readResolve() {
        return ZonedDateTime.ofLocal(dateTime, ZoneId.of(zoneId), offset);
    }
}
