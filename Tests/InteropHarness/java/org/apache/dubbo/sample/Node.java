package org.apache.dubbo.sample;

import java.io.Serializable;
import java.util.Objects;

/**
 * A linked node that may form cycles. equals, hashCode and toString look only at this node's name and
 * the name of its successor, so they terminate on cyclic graphs.
 */
public class Node implements Serializable {
    private String name;
    private Node next;

    public Node(String name) {
        this.name = name;
    }

    public void linkTo(Node next) {
        this.next = next;
    }

    private String nextName() {
        return next == null ? null : next.name;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Node)) {
            return false;
        }
        Node that = (Node) other;
        return Objects.equals(name, that.name) && Objects.equals(nextName(), that.nextName());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nextName());
    }

    @Override
    public String toString() {
        return "Node{name=" + name + ", next=" + nextName() + "}";
    }
}
