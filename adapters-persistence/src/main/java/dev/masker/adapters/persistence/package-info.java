/**
 * Driven adapters: the agent repository, the admin sign-in session store, the token vault and the database readiness
 * probe, in PostgreSQL.
 */
package dev.masker.adapters.persistence;
