/** Domain: finding PHI in conversation text (SPEC §6) with validated formats, spoken forms, context and name lists. */
package dev.masker.domain.phi.detect;
