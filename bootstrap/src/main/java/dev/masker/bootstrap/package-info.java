/** Composition root: configuration, database, wiring and the server's life cycle. */
package dev.masker.bootstrap;
