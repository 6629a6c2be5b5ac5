/** Driven adapter: the tamper-evident audit log in PostgreSQL and the verifier of its hash chain. */
package dev.masker.adapters.audit;
