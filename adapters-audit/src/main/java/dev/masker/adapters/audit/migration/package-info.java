/**
 * Driven adapter's schema: versioned SQL migrations of the audit log (resources of this package), applied by Flyway at
 * startup.
 */
package dev.masker.adapters.audit.migration;
