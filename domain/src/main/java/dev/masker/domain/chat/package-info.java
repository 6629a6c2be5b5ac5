/**
 * Domain: OpenAI chat-completions bodies as Masker handles them (SPEC §7): which strings of a request are masked, which
 * fields never leave Masker, and which strings of an answer — whole or streamed in chunks — are rehydrated. Bodies are JSON
 * trees of maps, lists, strings, numbers, booleans and nulls; every field Masker does not touch passes through.
 */
package dev.masker.domain.chat;
