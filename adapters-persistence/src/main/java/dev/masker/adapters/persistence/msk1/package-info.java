/**
 * Driven adapter: the MSK1 (reversible AEAD) token scheme, whose token keeps its original sealed with AES-SIV from
 * Google Tink, where an MSKV1 token's original is kept in the vault beside it.
 */
package dev.masker.adapters.persistence.msk1;
