/**
 * Driven adapter of the policy port: policies as Masker keeps them, YAML documents (the built-ins shipped as resources
 * beside the reader, an agent's own in its agent row), read into the domain's {@code Policy}.
 */
package dev.masker.adapters.persistence.policy;
