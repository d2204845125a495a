package org.apache.dubbo.sample;

import java.io.Serializable;
import java.util.Objects;

/** A POJO whose fields are all boxed, so each may be null. */
public class BoxedValues implements Serializable {
    private Integer count;
    private Long total;
    private Double ratio;
    private Boolean enabled;

    public BoxedValues(Integer count, Long total, Double ratio, Boolean enabled) {
        this.count = count;
        this.total = total;
        this.ratio = ratio;
        this.enabled = enabled;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof BoxedValues)) {
            return false;
        }
        BoxedValues that = (BoxedValues) other;
        return Objects.equals(count, that.count)
                && Objects.equals(total, that.total)
                && Objects.equals(ratio, that.ratio)
                && Objects.equals(enabled, that.enabled);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, total, ratio, enabled);
    }

    @Override
    public String toString() {
        return "BoxedValues{count=" + count + ", total=" + total + ", ratio=" + ratio
                + ", enabled=" + enabled + "}";
    }
}
