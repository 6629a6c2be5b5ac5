/** Domain: the kinds of PHI Masker finds, where they are in a text, and the tokens that stand in for them (SPEC §6). */
package dev.masker.domain.phi;
