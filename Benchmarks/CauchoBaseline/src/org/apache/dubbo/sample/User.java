package org.apache.dubbo.sample;

import java.io.Serializable;
import java.util.Date;
import java.util.Objects;

/** The benchmark's POJO; the Swift side's `User` mirrors it field for field. */
public class User implements Serializable {
  private static final long serialVersionUID = 1L;

  private String id;
  private String name;
  private int age;
  private Date created;

  public User() {}

  public User(String id, String name, int age, Date created) {
    this.id = id;
    this.name = name;
    this.age = age;
    this.created = created;
  }

  public String getId() { return id; }
  public String getName() { return name; }
  public int getAge() { return age; }
  public Date getCreated() { return created; }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof User)) return false;
    User that = (User) other;
    return age == that.age && Objects.equals(id, that.id) && Objects.equals(name, that.name)
        && Objects.equals(created, that.created);
  }

  @Override
  public int hashCode() { return Objects.hash(id, name, age, created); }

  @Override
  public String toString() {
    return "User{id=" + id + ", name=" + name + ", age=" + age + ", created=" + created.getTime() + "}";
  }
}
