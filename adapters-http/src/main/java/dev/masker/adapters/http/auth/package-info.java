/** Driving adapter: browser sign-in to the admin API — sign in, sign out, and who am I — under /api/v1/auth. */
package dev.masker.adapters.http.auth;
