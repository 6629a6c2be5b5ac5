/** Driving adapter: the sessions API, {@code /api/v1/sessions} and an agent's sessions (SPEC §8). */
package dev.masker.adapters.http.sessions;
