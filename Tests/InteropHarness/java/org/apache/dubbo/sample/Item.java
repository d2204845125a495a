package org.apache.dubbo.sample;

import java.io.Serializable;
import java.util.Objects;

public class Item implements Serializable {
    private String sku;
    private int quantity;
    private double price;

    public Item(String sku, int quantity, double price) {
        this.sku = sku;
        this.quantity = quantity;
        this.price = price;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Item)) {
            return false;
        }
        Item that = (Item) other;
        return quantity == that.quantity
                && Double.compare(price, that.price) == 0
                && Objects.equals(sku, that.sku);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, quantity, price);
    }

    @Override
    public String toString() {
        return "Item{sku=" + sku + ", quantity=" + quantity + ", price=" + price + "}";
    }
}
