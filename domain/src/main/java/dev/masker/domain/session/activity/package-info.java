/**
 * Domain: what a session did, as the audit log records it — its turns, their counts, kinds, outcomes and timings, and
 * how its call ended. Never a value or a token.
 */
package dev.masker.domain.session.activity;
