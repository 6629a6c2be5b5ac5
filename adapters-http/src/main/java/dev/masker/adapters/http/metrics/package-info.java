/** Driving adapter: request metrics by route template, and {@code GET /metrics} in Prometheus text format. */
package dev.masker.adapters.http.metrics;
