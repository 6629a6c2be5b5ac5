package dev.masker.application.service;

import dev.masker.application.port.in.MaskTextCommand;
import dev.masker.application.port.in.MaskTextUseCase;
import dev.masker.application.port.in.MaskTurnUseCase;
import dev.masker.application.port.in.MaskTextsCommand;
import dev.masker.application.port.in.MaskedText;
import dev.masker.application.port.in.MaskedTexts;
import dev.masker.application.port.out.ReversibleTokenPort;
import dev.masker.application.port.out.TokenVaultPort;
import dev.masker.domain.phi.MaskingPolicy;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.phi.PhiSpan;
import dev.masker.domain.phi.PhiToken;
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

/**
 * Masks a text: the detector's spans, each replaced as the policy says — its token (MSKV1 with the domain's
 * {@link VaultTokens}, the original sealed into the session's vault; MSK1 through the reversible-token port, bound to
 * the session), the fixed {@code [REDACTED:KIND]}, or left as it is. The vault gets one {@link TokenVaultPort#storeAll}
 * per turn, each token once.
 * An MSK1 value too long for a token is redacted rather than sent upstream.
 */
public final class MaskTextService implements MaskTextUseCase, MaskTurnUseCase {
    /** Texts the detector has read recently, a conversation's earlier messages above all. */
    private static final int RECENT_TEXTS = 20_000;

    private final RecentDetections detector;
    private final VaultTokens vaultTokens;
    private final TokenVaultPort vault;
    private final ReversibleTokenPort reversible;
    private final Clock clock;

    public MaskTextService(PhiDetector detector, VaultTokens vaultTokens, TokenVaultPort vault, ReversibleTokenPort reversible,
            Clock clock) {
        // A platform re-sends the whole conversation every turn: each message is read once, not once per turn.
        this.detector = new RecentDetections(Objects.requireNonNull(detector, "detector")::detect, RECENT_TEXTS);
        this.vaultTokens = Objects.requireNonNull(vaultTokens, "vaultTokens");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.reversible = Objects.requireNonNull(reversible, "reversible");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public MaskedText mask(MaskTextCommand command) {
        MaskedTexts masked = maskTurn(new MaskTextsCommand(command.session(), List.of(command.text()), command.policy()));
        return new MaskedText(masked.texts().getFirst(), masked.counts());
    }

    @Override
    public MaskedTexts maskTurn(MaskTextsCommand command) {
        Turn turn = new Turn(command.session(), command.policy(), clock.instant());
        Map<PhiKind, Integer> counts = new EnumMap<>(PhiKind.class);
        List<String> masked = new ArrayList<>(command.texts().size());
        for (int i = 0; i < command.texts().size(); i++) {
            String text = command.texts().get(i);
            List<PhiSpan> spans = command.wholeNames().contains(i) ? wholeName(text) : detector.detect(text);
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
        if (!turn.toStore.isEmpty()) {
            vault.storeAll(List.copyOf(turn.toStore.values()));
        }
        return new MaskedTexts(masked, counts, turn.issued);
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

    /** One masking pass: the vault entries to write and the tokens issued, each once. */
    private final class Turn {
        private final SessionId session;
        private final MaskingPolicy policy;
        private final Instant now;
        private final Map<String, VaultEntry> toStore = new LinkedHashMap<>();
        private final Map<String, String> issued = new HashMap<>();

        Turn(SessionId session, MaskingPolicy policy, Instant now) {
            this.session = session;
            this.policy = policy;
            this.now = now;
        }

        String replacement(PhiKind kind, String value) {
            return switch (policy.actionFor(kind)) {
                case PASS -> value;
                case REDACT -> MaskingPolicy.redaction(kind);
                case TOKENIZE -> switch (policy.scheme()) {
                    case MSKV1 -> {
                        PhiToken token = vaultTokens.token(kind, policy.kid(), value);
                        // The first spelling of a value in the turn is the one kept (and restored), as the vault keeps
                        // the first stored.
                        toStore.computeIfAbsent(token.text(),
                                text -> new VaultEntry(session, token, vaultTokens.seal(session, token, value), now));
                        yield issue(token, value);
                    }
                    case MSK1 -> value.getBytes(StandardCharsets.UTF_8).length > ReversibleTokenPort.MAX_VALUE_BYTES
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
