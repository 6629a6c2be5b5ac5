/** Domain: the agent, one voice assistant configured behind Masker, and its value objects. */
package dev.masker.domain.agent;
