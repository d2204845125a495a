package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.Duration;

public class DurationHandle implements Serializable {
    private long seconds;
    private int nanos;

    public DurationHandle(Duration duration) {
        this.seconds = duration.getSeconds();
        this.nanos = duration.getNano();
    }

    private Object readResolve() {
        return Duration.ofSeconds(seconds, nanos);
    }
}
