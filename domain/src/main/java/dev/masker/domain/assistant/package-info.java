/** Domain: the Vapi assistant configuration, how overrides merge into it and how its model is routed through Masker. */
package dev.masker.domain.assistant;
