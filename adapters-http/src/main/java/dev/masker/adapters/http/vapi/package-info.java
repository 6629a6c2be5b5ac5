/**
 * Driving and driven adapters for Vapi: the assistant-request webhook route (driving), its signature check, its message
 * reader and the outbound configuration callback (driven).
 */
package dev.masker.adapters.http.vapi;
