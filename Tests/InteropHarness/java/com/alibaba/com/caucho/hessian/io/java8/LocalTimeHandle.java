package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.LocalTime;

public class LocalTimeHandle implements Serializable {
    private int hour;
    private int minute;
    private int second;
    private int nano;

    public LocalTimeHandle(LocalTime time) {
        this.hour = time.getHour();
        this.minute = time.getMinute();
        this.second = time.getSecond();
        this.nano = time.getNano();
    }

    private Object readResolve() {
        return LocalTime.of(hour, minute, second, nano);
    }
}
