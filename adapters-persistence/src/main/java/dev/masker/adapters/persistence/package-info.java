/** Driven adapters: the agent repository, the admin sign-in session store and the database readiness probe, in PostgreSQL. */
package dev.masker.adapters.persistence;
