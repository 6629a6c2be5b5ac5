/** Domain: sessions — all proxied turns of one call, the scope in which tokens are rehydrated. */
package dev.masker.domain.session;
