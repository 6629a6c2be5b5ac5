package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masker.domain.audit.ChainHash;
import dev.masker.domain.audit.ChainLink;
import dev.masker.domain.audit.ChainPosition;
import dev.masker.domain.audit.ChainVerification;
import dev.masker.domain.audit.ChainWalk;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies an export (JSON Lines, one stored event per line: {@code seq}, {@code prev_hash}, {@code hash}, {@code body})
 * offline, with the chain rule the server verifies with: sequence numbers without gaps, each {@code prev_hash} the hash
 * of the line before, each {@code hash} the SHA-256 of {@code prev_hash + body}, and each body naming its own
 * {@code seq}. An export of a period starts mid-chain, so its first line's {@code prev_hash} is taken as given. A line
 * that cannot be read is a break at that line; what is told about it is its number and why, never its content.
 */
final class AuditExportFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExportFile() {}

    /**
     * What verifying an export found.
     *
     * @param start the event before the first line, as that line gives it; empty when no line could be read
     * @param line the line of the break, 0 when the export is intact
     */
    record Verdict(Optional<ChainPosition> start, ChainVerification verification, long line) {
        Verdict {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(verification, "verification");
        }
    }

    /** Reads the export to its end, or to its first break. */
    static Verdict verify(BufferedReader lines) throws IOException {
        ChainWalk walk = null;
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            Parsed parsed = parse(line);
            if (parsed.problem().isPresent()) {
                ChainWalk sofar = walk == null ? ChainWalk.fromGenesis() : walk;
                long due = walk == null ? 0 : walk.position().sequence() + 1;
                return new Verdict(
                        Optional.ofNullable(walk).map(ChainWalk::start),
                        sofar.broken(due, "the line " + parsed.problem().get()),
                        number);
            }
            ChainLink link = parsed.link();
            if (walk == null) {
                // Event 1 has nothing before it to take as given: its prev_hash must be the genesis hash.
                walk = link.sequence() == 1
                        ? ChainWalk.fromGenesis()
                        : ChainWalk.after(new ChainPosition(link.sequence() - 1, link.previousHash()));
            }
            Optional<ChainVerification.Broken> broken = walk.next(link, AuditExportFile::bodyProblem);
            if (broken.isPresent()) {
                return new Verdict(Optional.of(walk.start()), broken.get(), number);
            }
        }
        if (walk == null) {
            return new Verdict(Optional.empty(), ChainWalk.fromGenesis().intact(), 0);
        }
        return new Verdict(Optional.of(walk.start()), walk.intact(), 0);
    }

    /** A line read as a link, or why it cannot be. */
    private record Parsed(ChainLink link, Optional<String> problem) {
        static Parsed problem(String problem) {
            return new Parsed(null, Optional.of(problem));
        }
    }

    private static Parsed parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            // Jackson's message quotes the input; only where it failed is told.
            return Parsed.problem("is not JSON (at column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            return Parsed.problem("is not a JSON object");
        }
        JsonNode seq = node.get("seq");
        if (seq == null || !seq.canConvertToExactIntegral() || !seq.canConvertToLong() || seq.longValue() < 1) {
            return Parsed.problem("has no \"seq\" that is a whole number from 1");
        }
        for (String field : new String[] {"prev_hash", "hash"}) {
            JsonNode hash = node.get(field);
            if (hash == null || !hash.isTextual() || !ChainHash.isWellFormed(hash.textValue())) {
                return Parsed.problem("has no \"" + field + "\" of 64 lower-case hex digits");
            }
        }
        JsonNode body = node.get("body");
        if (body == null || !body.isTextual()) {
            return Parsed.problem("has no \"body\" text");
        }
        return new Parsed(
                new ChainLink(
                        seq.longValue(),
                        node.get("prev_hash").textValue(),
                        node.get("hash").textValue(),
                        body.textValue()),
                Optional.empty());
    }

    /** The body is canonical JSON naming its own place: a line renumbered around an unchanged body is found. */
    private static Optional<String> bodyProblem(ChainLink link) {
        try {
            JsonNode seq = JSON.readTree(link.body()).path("seq");
            return seq.canConvertToExactIntegral() && seq.canConvertToLong() && seq.longValue() == link.sequence()
                    ? Optional.empty()
                    : Optional.of("the body names another sequence number than its line");
        } catch (JacksonException e) {
            return Optional.of("the body is not JSON");
        }
    }
}
