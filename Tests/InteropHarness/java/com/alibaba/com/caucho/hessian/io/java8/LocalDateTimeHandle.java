package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** The fields hold java.time values; on the wire each is itself replaced by its Handle. */
public class LocalDateTimeHandle implements Serializable {
    private LocalDate date;
    private LocalTime time;

    public LocalDateTimeHandle(LocalDateTime dateTime) {
        this.date = dateTime.toLocalDate();
        this.time = dateTime.toLocalTime();
    }

    private Object readResolve() {
        return LocalDateTime.of(date, time);
    }
}
