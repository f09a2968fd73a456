package dev.ben.streams.auth;

import java.time.Instant;

/** Who a verified token stands for, and until when. */
public record Principal(String user, UserRole role, Instant expiresAt) {}
