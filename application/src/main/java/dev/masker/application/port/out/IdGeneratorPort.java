package dev.masker.application.port.out;

import dev.masker.domain.id.Ulid;

/** Driven port: new ULIDs for agents, events and requests. */
public interface IdGeneratorPort {
    /** A fresh ULID, time-ordered. */
    Ulid next();
}
