package dev.masker.domain.admin;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value of a sign-in cookie: 32 bytes (256 bits) from a cryptographic generator, unpadded base64url (43
 * characters). It is shown to the browser once and never stored: the store keeps only its {@link #digest()}. Its
 * {@code toString} never shows it.
 */
public record AdminSessionSecret(String value) {
    /** Random bytes in a secret. */
    public static final int BYTES = 32;

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    public AdminSessionSecret {
        if (value == null || !FORM.matcher(value).matches()) {
            // The value comes from a cookie: whatever reaches here unchecked is refused as a bad credential (401).
            throw DomainException.of(ErrorCode.UNAUTHENTICATED, "The session cookie is not valid; sign in again.");
        }
    }

    /** A new secret from the generator. */
    public static AdminSessionSecret generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new AdminSessionSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret the text is, when it has the form of one; anything else (a forged or mangled cookie) is empty. */
    public static Optional<AdminSessionSecret> parse(String text) {
        return text != null && FORM.matcher(text).matches()
                ? Optional.of(new AdminSessionSecret(text))
                : Optional.empty();
    }

    /** The SHA-256 of the secret's text: what the store keeps and looks sessions up by. */
    public AdminSessionDigest digest() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return new AdminSessionDigest(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AdminSessionSecret[hidden]";
    }
}
