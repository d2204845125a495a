package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.MonthDay;

public class MonthDayHandle implements Serializable {
    private int month;
    private int day;

    public MonthDayHandle(MonthDay monthDay) {
        this.month = monthDay.getMonthValue();
        this.day = monthDay.getDayOfMonth();
    }

    private Object readResolve() {
        return MonthDay.of(month, day);
    }
}
