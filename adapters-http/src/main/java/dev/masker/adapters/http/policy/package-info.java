/** Driven adapter of the policy port: policies written in YAML, the reader and the built-in ones shipped as resources. */
package dev.masker.adapters.http.policy;
