/**
 * Driven adapters' schema: versioned SQL migrations of the agent and admin session stores (resources of this package),
 * applied by Flyway at startup.
 */
package dev.masker.adapters.persistence.migration;
