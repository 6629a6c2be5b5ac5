/** Driven adapter: the MSK1 (reversible AEAD) token scheme, with AES-SIV from Google Tink. */
package dev.masker.adapters.persistence.tokens;
