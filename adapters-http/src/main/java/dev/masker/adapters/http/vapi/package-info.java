/**
 * Adapters for Vapi: the assistant-request webhook route, its signature check, its message reader and the outbound
 * configuration callback.
 */
package dev.masker.adapters.http.vapi;
