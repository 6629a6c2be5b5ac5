/** Driven adapters: the agent repository and the database readiness probe, in PostgreSQL. */
package dev.masker.adapters.persistence;
