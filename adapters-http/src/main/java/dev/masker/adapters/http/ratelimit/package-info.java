/** Driven adapter: in-process token buckets behind the rate limiting port. */
package dev.masker.adapters.http.ratelimit;
