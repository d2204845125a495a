package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.LocalDate;

public class LocalDateHandle implements Serializable {
    private int year;
    private int month;
    private int day;

    public LocalDateHandle(LocalDate date) {
        this.year = date.getYear();
        this.month = date.getMonthValue();
        this.day = date.getDayOfMonth();
    }

    private Object readResolve() {
        return LocalDate.of(year, month, day);
    }
}
