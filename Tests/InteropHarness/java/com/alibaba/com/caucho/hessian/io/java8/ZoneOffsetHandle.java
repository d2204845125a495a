package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.ZoneOffset;

public class ZoneOffsetHandle implements Serializable {
    private int seconds;

    public ZoneOffsetHandle(ZoneOffset offset) {
        this.seconds = offset.getTotalSeconds();
    }

    private Object readResolve() {
        return ZoneOffset.ofTotalSeconds(seconds);
    }
}
