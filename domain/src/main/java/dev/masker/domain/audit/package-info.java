/** Domain: audit events, the PHI-free record of every decision Masker makes. */
package dev.masker.domain.audit;
