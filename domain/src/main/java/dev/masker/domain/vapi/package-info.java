/** Domain: what Vapi sends Masker — webhook messages, calls and the headers that sign them. */
package dev.masker.domain.vapi;
