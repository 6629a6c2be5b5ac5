/** Domain: the token bucket that limits how fast one caller may be served. */
package dev.masker.domain.ratelimit;
