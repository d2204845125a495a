package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.Year;

public class YearHandle implements Serializable {
    private int year;

    public YearHandle(Year year) {
        this.year = year.getValue();
    }

    private Object readResolve() {
        return Year.of(year);
    }
}
