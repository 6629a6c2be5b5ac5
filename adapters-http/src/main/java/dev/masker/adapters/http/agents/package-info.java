/** Driving adapter: the admin API for agents under /api/v1, behind admin authentication. */
package dev.masker.adapters.http.agents;
