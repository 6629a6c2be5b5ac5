/** Domain: identifiers built on ULIDs (Crockford base32, 26 characters). */
package dev.masker.domain.id;
