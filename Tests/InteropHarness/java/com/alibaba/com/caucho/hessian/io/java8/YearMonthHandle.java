package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.YearMonth;

public class YearMonthHandle implements Serializable {
    private int year;
    private int month;

    public YearMonthHandle(YearMonth yearMonth) {
        this.year = yearMonth.getYear();
        this.month = yearMonth.getMonthValue();
    }

    private Object readResolve() {
        return YearMonth.of(year, month);
    }
}
