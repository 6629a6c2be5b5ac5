/** Driving adapter: liveness and readiness probes. */
package dev.masker.adapters.http.health;
