/**
 * Driven adapters of the upstream LLM port: any OpenAI-compatible endpoint over HTTP, the built-in stub model, and the
 * router that picks one by an agent's upstream provider.
 */
package dev.masker.adapters.http.upstream;
