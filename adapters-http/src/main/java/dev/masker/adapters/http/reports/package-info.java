/**
 * Driving adapter: compliance reports over the audit log ({@code /api/v1/sessions/{id}/report},
 * {@code /api/v1/agents/{id}/report}, {@code /api/v1/reports}) as JSON or as a PDF for a reader who is not an engineer.
 */
package dev.masker.adapters.http.reports;
