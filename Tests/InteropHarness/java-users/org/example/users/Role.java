package org.example.users;

/** {@code users.Role} of user_service.proto. */
public enum Role {
    GUEST,
    MEMBER,
    ADMIN
}
