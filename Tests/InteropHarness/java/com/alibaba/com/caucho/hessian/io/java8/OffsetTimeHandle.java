package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/** The fields hold java.time values; on the wire each is itself replaced by its Handle. */
public class OffsetTimeHandle implements Serializable {
    private LocalTime localTime;
    private ZoneOffset zoneOffset;

    public OffsetTimeHandle(OffsetTime offsetTime) {
        this.localTime = offsetTime.toLocalTime();
        this.zoneOffset = offsetTime.getOffset();
    }

    private Object readResolve() {
        return OffsetTime.of(localTime, zoneOffset);
    }
}
