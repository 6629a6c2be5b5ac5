/** Driving adapter: the admin API for agents under /api/v1, behind the admin bearer token. */
package dev.masker.adapters.http.agents;
