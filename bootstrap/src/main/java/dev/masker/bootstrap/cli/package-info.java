/**
 * Driving adapter of the composition root: the {@code masker} command line (serve, manage agents through a running
 * server, verify the audit log).
 */
package dev.masker.bootstrap.cli;
