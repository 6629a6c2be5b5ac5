package dev.masker.domain.policy;

import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named, versioned policy (SPEC §6): the kid its tokens are made with, how they are made, and per PHI kind whether it
 * is looked for and what is done with it. A kind the policy does not list is looked for and tokenized.
 * {@code logPayloads} (off unless the policy says {@code log_payloads: true}) keeps each proxied turn's request, masked
 * payload and answer, sealed under the kid's key, for the session detail and until the vault's retention purges them.
 */
public record Policy(
        String name,
        int version,
        Kid kid,
        Tokenization tokenization,
        Map<PhiKind, EntityRule> entities,
        boolean logPayloads) {
    /** The largest version a policy may carry. */
    public static final int MAX_VERSION = 1_000_000;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(tokenization, "tokenization");
        Objects.requireNonNull(entities, "entities");
        String problem = nameProblem(name);
        if (problem != null) {
            throw DomainException.invalidPolicy(List.of(new FieldProblem("name", problem)));
        }
        problem = versionProblem(version);
        if (problem != null) {
            throw DomainException.invalidPolicy(List.of(new FieldProblem("version", problem)));
        }
        Map<PhiKind, EntityRule> all = new EnumMap<>(PhiKind.class);
        for (PhiKind kind : PhiKind.values()) {
            all.put(kind, Objects.requireNonNullElse(entities.get(kind), EntityRule.DEFAULT));
        }
        entities = Map.copyOf(all);
    }

    /** A policy that keeps no payload. */
    public Policy(String name, int version, Kid kid, Tokenization tokenization, Map<PhiKind, EntityRule> entities) {
        this(name, version, kid, tokenization, entities, false);
    }

    /** Why the text cannot name a policy, or null if it can. */
    public static String nameProblem(String name) {
        return name != null && NAME.matcher(name).matches()
                ? null
                : "must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit";
    }

    /** Why the number cannot be a policy's version, or null if it can. */
    public static String versionProblem(long version) {
        return version >= 1 && version <= MAX_VERSION ? null : "must be a whole number from 1 to " + MAX_VERSION;
    }

    /** The rule for one kind. */
    public EntityRule rule(PhiKind kind) {
        return entities.get(kind);
    }
}
