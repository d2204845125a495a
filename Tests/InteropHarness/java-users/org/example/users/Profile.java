package org.example.users;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code users.Profile} of user_service.proto: the Java field of every proto field, with the type its
 * {@code (dubbo.field)} annotation (or the default mapping) names, declared in proto order. Public
 * fields: the harness builds and compares them; Hessian does not look at visibility.
 */
public class Profile implements Serializable {
    private static final long serialVersionUID = 1L;

    public long id;
    public String name;
    public Role role;
    public Integer age;
    public Date createdAt;
    public Date lastLoginAt;
    public BigDecimal balance;
    public Address address;
    public List<String> tags;
    public ArrayList<Address> previousAddresses;
    public Map<String, Integer> scores;
    public long[] luckyNumbers;
    public Set<String> nicknames;
    public String nickname;
    public boolean active;
    public double rating;
    public Float weight;
    public short level;
    public byte[] avatar;
    public LocalDate birthday;
    public LinkedHashMap<String, Address> addressesByKind;
}
