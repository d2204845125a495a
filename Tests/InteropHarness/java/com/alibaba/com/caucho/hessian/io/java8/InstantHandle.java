package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.Instant;

public class InstantHandle implements Serializable {
    private long seconds;
    private int nanos;

    public InstantHandle(Instant instant) {
        this.seconds = instant.getEpochSecond();
        this.nanos = instant.getNano();
    }

    private Object readResolve() {
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
