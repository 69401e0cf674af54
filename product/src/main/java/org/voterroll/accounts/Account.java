package org.voterroll.accounts;

import java.time.LocalDateTime;

/** One login as kept in table account (the hash, never the password). */
public record Account(long id, String name, String passwordHash, Role role, String scope, boolean enabled,
                      LocalDateTime createdAt, String createdBy) {}
