/**
 * Domain: the Vapi assistant configuration, the shape Vapi gives it (its fields and their JSON types), how overrides merge
 * into it and how its model is routed through Masker.
 */
package dev.masker.domain.assistant;
