/** Domain: the public error codes and the one exception that carries them. */
package dev.masker.domain.error;
