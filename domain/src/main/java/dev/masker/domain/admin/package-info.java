/**
 * Domain: who may use the admin API — the configured admin tokens, the principals they stand for, and the browser
 * sign-in sessions issued for them (not the call sessions, {@code sess_}, of SPEC §1).
 */
package dev.masker.domain.admin;
