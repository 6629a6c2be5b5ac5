package dev.masker.adapters.http.vapi;

import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.agent.WebhookCredential.Algorithm;
import dev.masker.domain.agent.WebhookCredential.Bearer;
import dev.masker.domain.agent.WebhookCredential.Hmac;
import dev.masker.domain.agent.WebhookCredential.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The webhook credentials of the whole deployment ({@code MASKER_VAPI_*}), which every agent without its own accepts.
 * Each secret (several while one is rotated out) is accepted as:
 * <ul>
 *   <li>an HMAC of the body in {@code X-Vapi-Signature}, the documented form;</li>
 *   <li>Vapi's HMAC credential in {@code signatureHeader} ({@code X-Signature} unless configured): over
 *       {@code "<timestamp>.<body>"} when {@code timestampHeader} is sent, else over the body
 *       ({@code includeTimestamp: false});</li>
 *   <li>only when {@code acceptPlainSecret}: the secret itself, in {@code Authorization} (with or without
 *       {@code Bearer }), {@code X-Vapi-Secret}, {@code X-Vapi-Signature} (older Vapi) or {@code tokenHeader}.</li>
 * </ul>
 */
public record DeploymentCredentials(
        List<String> secrets,
        boolean secretIsBase64,
        Algorithm algorithm,
        String signatureHeader,
        String timestampHeader,
        Optional<String> signaturePrefix,
        boolean acceptPlainSecret,
        Optional<String> tokenHeader) {
    private static final String DOCUMENTED_HEADER = "x-vapi-signature";
    private static final List<String> PLAIN_SECRET_HEADERS =
            List.of(Bearer.DEFAULT_HEADER, "x-vapi-secret", DOCUMENTED_HEADER);

    public DeploymentCredentials {
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("at least one non-empty webhook secret is required");
        }
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(signatureHeader, "signatureHeader");
        Objects.requireNonNull(timestampHeader, "timestampHeader");
        Objects.requireNonNull(signaturePrefix, "signaturePrefix");
        Objects.requireNonNull(tokenHeader, "tokenHeader");
    }

    /** Vapi's defaults: HMAC-SHA256 in {@code X-Signature} with {@code X-Timestamp}, no prefix, no plain secrets. */
    public static DeploymentCredentials of(List<String> secrets, boolean acceptPlainSecret) {
        return new DeploymentCredentials(
                secrets,
                false,
                Algorithm.SHA256,
                Hmac.DEFAULT_SIGNATURE_HEADER,
                Hmac.DEFAULT_TIMESTAMP_HEADER,
                Optional.empty(),
                acceptPlainSecret,
                Optional.empty());
    }

    /** Every credential a delivery may carry. */
    public List<WebhookCredential> credentials() {
        Set<String> signatureHeaders =
                new LinkedHashSet<>(List.of(DOCUMENTED_HEADER, signatureHeader.toLowerCase(Locale.ROOT)));
        Set<String> tokenHeaders = new LinkedHashSet<>(PLAIN_SECRET_HEADERS);
        tokenHeader.ifPresent(header -> tokenHeaders.add(header.toLowerCase(Locale.ROOT)));
        List<WebhookCredential> credentials = new ArrayList<>();
        for (String secret : secrets) {
            for (String header : signatureHeaders) {
                // The documented header signs the body alone; Vapi's credential header adds the timestamp when sent.
                Timestamp timestamp = header.equals(DOCUMENTED_HEADER) ? Timestamp.NONE : Timestamp.WHEN_SENT;
                credentials.add(new Hmac(
                        secret, secretIsBase64, algorithm, header, signaturePrefix, timestamp, timestampHeader));
            }
            if (acceptPlainSecret) {
                tokenHeaders.forEach(header -> credentials.add(new Bearer(secret, header)));
            }
        }
        return List.copyOf(credentials);
    }

    @Override
    public String toString() {
        return "DeploymentCredentials[" + secrets.size() + " secrets, " + algorithm.wireName() + "]";
    }
}
