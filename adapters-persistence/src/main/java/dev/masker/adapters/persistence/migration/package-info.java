/** Versioned SQL migrations of the agent store (resources of this package), applied by Flyway at startup. */
package dev.masker.adapters.persistence.migration;
