package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.ZoneId;

public class ZoneIdHandle implements Serializable {
    private String zoneId;

    public ZoneIdHandle(ZoneId zone) {
        this.zoneId = zone.getId();
    }

    private Object readResolve() {
        return ZoneId.of(zoneId);
    }
}
