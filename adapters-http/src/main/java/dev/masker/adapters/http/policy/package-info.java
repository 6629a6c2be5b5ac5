/** Policies written in YAML: the reader and the built-in policies shipped as resources. */
package dev.masker.adapters.http.policy;
