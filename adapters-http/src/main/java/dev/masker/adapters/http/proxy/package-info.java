/** Driving adapter: the OpenAI-compatible PHI proxy's routes (SPEC §7), JSON in, JSON or server-sent events out. */
package dev.masker.adapters.http.proxy;
