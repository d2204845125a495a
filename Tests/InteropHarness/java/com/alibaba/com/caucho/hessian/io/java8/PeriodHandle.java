package com.alibaba.com.caucho.hessian.io.java8;

import java.io.Serializable;
import java.time.Period;

public class PeriodHandle implements Serializable {
    private int years;
    private int months;
    private int days;

    public PeriodHandle(Period period) {
        this.years = period.getYears();
        this.months = period.getMonths();
        this.days = period.getDays();
    }

    private Object readResolve() {
        return Period.of(years, months, days);
    }
}
