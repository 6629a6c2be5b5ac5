/** Domain: opaque, tamper-proof cursors for paged lists. */
package dev.masker.domain.page;
