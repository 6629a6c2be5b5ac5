package dev.masker.application.service;

import dev.masker.application.port.out.KeepVaultEntriesPort;
import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.domain.audit.AuditEvent;
import dev.masker.domain.phi.MaskAction;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiSpan;
import dev.masker.domain.phi.PhiToken;
import dev.masker.domain.phi.TokenScheme;
import dev.masker.domain.phi.VaultEntry;
import dev.masker.domain.phi.VaultTokens;
import dev.masker.domain.phi.detect.PhiDetector;
import dev.masker.domain.phi.detect.RecentDetections;
import dev.masker.domain.session.SessionId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Masks the texts of one turn together: the detector's spans, each replaced as the policy says — its token (MSKV1 with
 * the domain's {@link VaultTokens}, its original to be sealed into the session's vault; MSK1 through the
 * reversible-token port, bound to the session), the fixed {@code [REDACTED:KIND]}, or left as it is. An MSK1 value too
 * long for a token is redacted rather than sent upstream.
 *
 * <p>Masking and the vault write are two steps, so that a caller can make the write beside other work (the proxy makes
 * it while the upstream answers): {@link #mask} touches no database, {@link MaskedTurn#storeInVault} makes the turn's one
 * {@link KeepVaultEntriesPort#storeAll}. Values the vault already holds for the session (stored by this masker recently) are
 * neither sealed nor written again: a platform re-sends the whole conversation every turn.
 */
public final class TurnMasker {
    /** Texts the detector has read recently, a conversation's earlier messages above all. */
    private static final int RECENT_TEXTS = 20_000;
    /** (session, token) pairs known to be in the vault. */
    private static final int RECENTLY_STORED = 100_000;

    private final RecentDetections detector;
    private final VaultTokens vaultTokens;
    private final KeepVaultEntriesPort vault;
    private final ReversibleTokenPort reversible;
    private final Clock clock;
    private final LongSupplier nanoTime;
    // Session id + " " + token text of entries stored; a vault entry once stored is never changed or removed.
    private final Map<String, Boolean> stored = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENTLY_STORED;
        }
    };

    /** {@code nanoTime} times detection for the turn's record. */
    public TurnMasker(
            PhiDetector detector,
            VaultTokens vaultTokens,
            KeepVaultEntriesPort vault,
            ReversibleTokenPort reversible,
            Clock clock,
            LongSupplier nanoTime) {
        // A platform re-sends the whole conversation every turn: each message is read once, not once per turn.
        this.detector = RecentDetections.explaining(Objects.requireNonNull(detector, "detector"), RECENT_TEXTS);
        this.vaultTokens = Objects.requireNonNull(vaultTokens, "vaultTokens");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.reversible = Objects.requireNonNull(reversible, "reversible");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The turn's texts masked; nothing is written to the vault until {@link MaskedTurn#storeInVault}. */
    public MaskedTurn mask(TurnTexts toMask) {
        Turn turn = new Turn(toMask.session(), toMask.policy());
        Map<PhiKind, Integer> counts = new EnumMap<>(PhiKind.class);
        List<String> masked = new ArrayList<>(toMask.texts().size());
        long detecting = 0;
        List<AuditEvent.MaskedValue> values = new ArrayList<>();
        for (int i = 0; i < toMask.texts().size(); i++) {
            String text = toMask.texts().get(i);
            long from = nanoTime.getAsLong();
            List<PhiSpan> spans;
            if (toMask.wholeNames().contains(i)) {
                // A participant's name is re-sent with every turn: counted, not listed.
                spans = wholeName(text);
            } else {
                RecentDetections.Reading reading = detector.read(text);
                spans = reading.spans();
                if (reading.firstTime()) {
                    for (RecentDetections.Found found : reading.found()) {
                        values.add(turn.describe(i, text, found));
                    }
                }
            }
            detecting += nanoTime.getAsLong() - from;
            if (spans.isEmpty()) {
                masked.add(text);
                continue;
            }
            StringBuilder out = new StringBuilder(text.length() + spans.size() * 48);
            int copied = 0;
            for (PhiSpan span : spans) {
                out.append(text, copied, span.start())
                        .append(turn.replacement(span.kind(), text.substring(span.start(), span.end())));
                copied = span.end();
                counts.merge(span.kind(), 1, Integer::sum);
            }
            masked.add(out.append(text, copied, text.length()).toString());
        }
        return new MaskedTurn(
                toMask.session(),
                new MaskedTexts(masked, counts, turn.issued),
                List.copyOf(turn.toStore.values()),
                detecting,
                values);
    }

    /** A participant's name as one NAME span, its surrounding blanks left out; none when it holds no letter or digit. */
    private static List<PhiSpan> wholeName(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        boolean hasLetterOrDigit = text.codePoints().anyMatch(Character::isLetterOrDigit);
        return hasLetterOrDigit ? List.of(new PhiSpan(start, end, PhiKind.NAME)) : List.of();
    }

    /** An MSK1 token holds its value: one too long for it is redacted rather than sent upstream. */
    private static boolean tooLongForMsk1(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length > ReversibleTokenPort.MAX_VALUE_BYTES;
    }

    private static String storedKey(SessionId session, PhiToken token) {
        return session.value() + " " + token.text();
    }

    private boolean isStored(SessionId session, PhiToken token) {
        synchronized (stored) {
            return stored.containsKey(storedKey(session, token));
        }
    }

    /** A masked turn and the MSKV1 values it issued that its session's vault does not hold yet. */
    public final class MaskedTurn {
        private final SessionId session;
        private final MaskedTexts texts;
        private final List<Unsealed> toStore;
        private final long detectNanos;
        private final List<AuditEvent.MaskedValue> values;

        private MaskedTurn(
                SessionId session,
                MaskedTexts texts,
                List<Unsealed> toStore,
                long detectNanos,
                List<AuditEvent.MaskedValue> values) {
            this.session = session;
            this.texts = texts;
            this.toStore = toStore;
            this.detectNanos = detectNanos;
            this.values = List.copyOf(values);
        }

        /** The values masked in the texts read for the first time, where they are and how each was treated. */
        public List<AuditEvent.MaskedValue> values() {
            return values;
        }

        public MaskedTexts texts() {
            return texts;
        }

        /** How long detection took (a text read before takes only its lookup). */
        public long detectNanos() {
            return detectNanos;
        }

        /** Whether {@link #storeInVault} has anything to write. */
        public boolean needsVault() {
            return !toStore.isEmpty();
        }

        /**
         * Seals the new values and writes them to the vault in one round trip; nothing when there are none.
         *
         * @throws dev.masker.domain.error.DomainException with {@code unavailable} when the vault cannot be reached
         */
        public void storeInVault() {
            if (toStore.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            vault.storeAll(toStore.stream()
                    .map(value -> new VaultEntry(
                            session, value.token, vaultTokens.seal(session, value.token, value.original), now))
                    .toList());
            synchronized (stored) {
                toStore.forEach(value -> stored.put(storedKey(session, value.token), Boolean.TRUE));
            }
        }

        @Override
        public String toString() {
            return "MaskedTurn[session=" + session + ", " + texts + ", toStore=" + toStore.size() + "]";
        }
    }

    /** A value to seal into the vault; its original is PHI, held only for the turn. */
    private record Unsealed(PhiToken token, String original) {
        @Override
        public String toString() {
            return "Unsealed[" + token.kind() + "]";
        }
    }

    /** One masking pass: the values to store and the tokens issued, each once. */
    private final class Turn {
        private final SessionId session;
        private final MaskingPolicy policy;
        private final Map<String, Unsealed> toStore = new LinkedHashMap<>();
        private final Map<String, String> issued = new HashMap<>();

        Turn(SessionId session, MaskingPolicy policy) {
            this.session = session;
            this.policy = policy;
        }

        /** Where a value was found and how the policy treats it: its kind, action, scheme and kid, never the value. */
        AuditEvent.MaskedValue describe(int index, String text, RecentDetections.Found found) {
            PhiSpan span = found.span();
            MaskAction action = policy.actionFor(span.kind());
            if (action == MaskAction.TOKENIZE
                    && policy.scheme() == TokenScheme.MSK1
                    && tooLongForMsk1(text.substring(span.start(), span.end()))) {
                action = MaskAction.REDACT;
            }
            boolean tokenized = action == MaskAction.TOKENIZE;
            return new AuditEvent.MaskedValue(
                    index,
                    span.start(),
                    span.end(),
                    span.kind(),
                    action,
                    tokenized ? Optional.of(policy.scheme()) : Optional.empty(),
                    tokenized ? Optional.of(policy.kid()) : Optional.empty(),
                    found.recognizer());
        }

        String replacement(PhiKind kind, String value) {
            return switch (policy.actionFor(kind)) {
                case PASS -> value;
                case REDACT -> MaskingPolicy.redaction(kind);
                case TOKENIZE ->
                    switch (policy.scheme()) {
                        case MSKV1 -> {
                            PhiToken token = vaultTokens.token(kind, policy.kid(), value);
                            // The first spelling of a value in the turn is the one kept (and restored), as the vault
                            // keeps
                            // the first stored.
                            if (!toStore.containsKey(token.text()) && !isStored(session, token)) {
                                toStore.put(token.text(), new Unsealed(token, value));
                            }
                            yield issue(token, value);
                        }
                        case MSK1 ->
                            tooLongForMsk1(value)
                                    ? MaskingPolicy.redaction(kind)
                                    : issue(reversible.seal(session, kind, policy.kid(), value), value);
                    };
            };
        }

        private String issue(PhiToken token, String value) {
            issued.putIfAbsent(token.text(), value);
            return token.text();
        }
    }
}
