/** Driving adapter: the audit chain's verdict and its export as JSON Lines, under /api/v1/audit. */
package dev.masker.adapters.http.audit;
