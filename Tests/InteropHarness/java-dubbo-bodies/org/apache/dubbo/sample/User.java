package org.apache.dubbo.sample;

import java.io.Serializable;
import java.util.Objects;

/**
 * The GreeterService's {@code User} (Examples/Greeter/GreeterService): three fields, unlike the
 * {@code User} of the Hessian value harness in {@code ../java}, which also has {@code created}.
 */
public class User implements Serializable {
    private String id;
    private String name;
    private int age;

    public User(String id, String name, int age) {
        this.id = id;
        this.name = name;
        this.age = age;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof User)) {
            return false;
        }
        User that = (User) other;
        return age == that.age && Objects.equals(id, that.id) && Objects.equals(name, that.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, age);
    }

    @Override
    public String toString() {
        return "User{id=" + id + ", name=" + name + ", age=" + age + "}";
    }
}
