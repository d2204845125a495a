package org.apache.dubbo.sample;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

public class Order implements Serializable {
    private long orderId;
    private User buyer;
    private List<Item> items;
    private Map<String, String> tags;
    private Color color;
    private BigDecimal total;

    public Order(long orderId, User buyer, List<Item> items, Map<String, String> tags, Color color,
            BigDecimal total) {
        this.orderId = orderId;
        this.buyer = buyer;
        this.items = items;
        this.tags = tags;
        this.color = color;
        this.total = total;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Order)) {
            return false;
        }
        Order that = (Order) other;
        return orderId == that.orderId
                && Objects.equals(buyer, that.buyer)
                && Objects.equals(items, that.items)
                && Objects.equals(tags, that.tags)
                && color == that.color
                && Objects.equals(total, that.total);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderId, buyer, items, tags, color, total);
    }

    @Override
    public String toString() {
        return "Order{orderId=" + orderId + ", buyer=" + buyer + ", items=" + items + ", tags=" + tags
                + ", color=" + color + ", total=" + total + "}";
    }
}
