package dev.masker.domain.page;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes list cursors opaque and unforgeable: the position is written in base64url and signed with HMAC-SHA256 under a
 * server key, so a client can hand a cursor back but cannot make or alter one. Every instance sharing the key accepts
 * every other's cursors.
 */
public final class PageCursors {
    private static final int TAG_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Mac prototype;

    /** Cursors signed with the key (at least 32 bytes). */
    public PageCursors(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the cursor key must be at least 32 bytes");
        }
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.clone(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The cursor for a position. */
    public String encode(String position) {
        byte[] payload = position.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(tag(payload));
    }

    /** The position a cursor holds, or empty when it is not one of ours (malformed, altered or forged). */
    public Optional<String> decode(String cursor) {
        if (cursor == null || cursor.length() > 512) {
            return Optional.empty();
        }
        int dot = cursor.indexOf('.');
        if (dot < 1 || dot != cursor.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(cursor.substring(0, dot));
            byte[] tag = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(tag, tag(payload))) {
                return Optional.empty();
            }
            return Optional.of(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] tag(byte[] payload) {
        try {
            Mac mac = (Mac) prototype.clone();
            return Arrays.copyOf(mac.doFinal(payload), TAG_BYTES);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JDK's HmacSHA256 cannot be cloned", e);
        }
    }
}
