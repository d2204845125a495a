package org.example.users;

import java.io.Serializable;

/** {@code users.Address} of user_service.proto. Public fields: the harness builds and compares them. */
public class Address implements Serializable {
    private static final long serialVersionUID = 1L;

    public String street;
    public String city;
    public int zip;

    public Address(String street, String city, int zip) {
        this.street = street;
        this.city = city;
        this.zip = zip;
    }

    @Override
    public String toString() {
        return "Address{street=" + street + ", city=" + city + ", zip=" + zip + "}";
    }
}
