/** Domain: policies, which PHI kinds an agent's text is scanned for and what happens to each (SPEC §6). */
package dev.masker.domain.policy;
