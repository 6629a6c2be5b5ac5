package dev.masker.adapters.http.audit;

import dev.masker.application.port.in.AuditChainCheck;
import dev.masker.domain.audit.ChainPosition;
import dev.masker.domain.audit.ChainVerification;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The verdict on the stored chain: {@code intact}, how many events were found sound, the head the database holds
 * ({@code null} only when its row is gone), the first break ({@code null} when intact) and when the check was made.
 */
public record AuditVerifyResponse(
        boolean intact, long events_checked, Head head, Break first_break, String verified_at) {
    private static final DateTimeFormatter RFC_3339_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A position in the chain: an event's sequence number and hash. */
    public record Head(long seq, String hash) {
        static Head of(ChainPosition position) {
            return new Head(position.sequence(), position.hash());
        }
    }

    /** Where the chain first fails to hold, and why. */
    public record Break(long seq, String reason) {}

    static AuditVerifyResponse of(AuditChainCheck check) {
        String verifiedAt = RFC_3339_MILLIS.format(check.verifiedAt());
        return switch (check.verification()) {
            case ChainVerification.Intact intact ->
                new AuditVerifyResponse(true, intact.events(), Head.of(intact.head()), null, verifiedAt);
            case ChainVerification.Broken broken ->
                new AuditVerifyResponse(
                        false,
                        broken.eventsChecked(),
                        broken.head().map(Head::of).orElse(null),
                        new Break(broken.atSequence(), broken.problem()),
                        verifiedAt);
        };
    }
}
