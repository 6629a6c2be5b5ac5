package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masker.bootstrap.cli.MaskerCommand;
import dev.masker.domain.audit.ChainHash;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code masker audit verify --file}: an export checked offline, without a server. Intact exports from the start of the
 * chain and from the middle pass; edited, removed, reordered, renumbered and unreadable lines are each found at the
 * right line and event, with a message and no stack trace or content.
 */
class AuditVerifyFileCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ten events of a chain; an export is a run of them. */
    private static final List<String> CHAIN = chain(10);

    @TempDir
    private Path directory;

    private record Run(int exitCode, String out, String err) {}

    @Test
    void givenAnIntactExportFromTheStart_verifyFile_isIntactWithItsCountAndHead() throws IOException {
        Run run = verify(CHAIN);

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("The export is intact: 10 events checked."), run.out());
        assertTrue(run.out().contains("Head:          seq 10, hash " + hash(CHAIN.get(9))), run.out());
        assertTrue(
                run.out().contains("Starts after:  seq 0, hash " + ChainHash.GENESIS + " (the start of the chain)"),
                run.out());
    }

    @Test
    void givenAnIntactExportOfAPeriod_verifyFile_takesItsFirstPrevHashAsGivenAndPrintsIt() throws IOException {
        Run run = verify(CHAIN.subList(4, 8));

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("The export is intact: 4 events checked."), run.out());
        assertTrue(
                run.out().contains("Starts after:  seq 4, hash " + hash(CHAIN.get(3)) + " (taken as given"), run.out());
        assertTrue(run.out().contains("Head:          seq 8, hash " + hash(CHAIN.get(7))), run.out());
    }

    @Test
    void givenAnEmptyExport_verifyFile_isIntactWithNoEvents() throws IOException {
        Run run = verify(List.of());

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("The export is intact: 0 events checked."), run.out());
    }

    @Test
    void givenAnEditedBody_verifyFile_isBrokenAtThatLine() throws IOException {
        List<String> lines = new ArrayList<>(CHAIN);
        lines.set(3, lines.get(3).replace("agent_created", "agent_deleted"));

        Run run = verify(lines);

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(
                run.out()
                        .contains(
                                "The export is BROKEN at line 4 (event 4): the body does not hash to the stored hash"),
                run.out());
        assertTrue(run.out().contains("Events checked before it: 3"), run.out());
    }

    @Test
    void givenARemovedLine_verifyFile_isBrokenWhereItWas() throws IOException {
        List<String> lines = new ArrayList<>(CHAIN);
        lines.remove(5);

        Run run = verify(lines);

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(
                run.out().contains("BROKEN at line 6 (event 6): event 6 is missing: event 7 follows event 5"),
                run.out());
    }

    @Test
    void givenTwoLinesSwapped_verifyFile_isBrokenAtTheFirstOfThem() throws IOException {
        List<String> lines = new ArrayList<>(CHAIN);
        Collections.swap(lines, 2, 6);

        Run run = verify(lines);

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(
                run.out().contains("BROKEN at line 3 (event 3): event 3 is missing: event 7 follows event 2"),
                run.out());
    }

    @Test
    void givenALineRemovedAndTheRestRenumbered_verifyFile_isBrokenOnTheLinkage() throws IOException {
        List<String> lines = new ArrayList<>(CHAIN.subList(0, 2));
        for (int i = 3; i < CHAIN.size(); i++) {
            lines.add(((ObjectNode) JSON.readTree(CHAIN.get(i))).put("seq", i).toString());
        }

        Run run = verify(lines);

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(
                run.out().contains("BROKEN at line 3 (event 3): prev_hash is not the previous event's hash"),
                run.out());
    }

    @Test
    void givenAPeriodExportRenumberedAsAWhole_verifyFile_findsTheBodyNamesAnotherSeq() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : CHAIN.subList(4, 8)) {
            ObjectNode node = (ObjectNode) JSON.readTree(line);
            lines.add(node.put("seq", node.path("seq").asLong() + 100).toString());
        }

        Run run = verify(lines);

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(
                run.out()
                        .contains("BROKEN at line 1 (event 105): the body names another sequence number than its line"),
                run.out());
    }

    @Test
    void givenUnreadableLines_verifyFile_namesTheLineAndWhyWithoutItsContent() throws IOException {
        List<String> notJson = new ArrayList<>(CHAIN.subList(0, 3));
        notJson.add("{\"seq\": 4, \"secret-looking\": ");
        List<String> badHash = new ArrayList<>(CHAIN.subList(0, 1));
        badHash.add(
                ((ObjectNode) JSON.readTree(CHAIN.get(1))).put("hash", "XYZ").toString());

        Run broken = verify(notJson);
        Run wrongHash = verify(badHash);

        assertEquals(1, broken.exitCode());
        assertTrue(broken.out().contains("BROKEN at line 4 (event 4): the line is not JSON (at column "), broken.out());
        assertFalse(broken.out().contains("secret-looking"), broken.out());
        assertTrue(broken.err().isEmpty(), broken.err());
        assertEquals(1, wrongHash.exitCode());
        assertTrue(
                wrongHash
                        .out()
                        .contains("BROKEN at line 2 (event 2): the line has no \"hash\" of 64 lower-case hex digits"),
                wrongHash.out());
    }

    @Test
    void givenAMissingFile_verifyFile_isAUsageErrorNamingIt() {
        Run run = run(
                "audit", "verify", "--file", directory.resolve("nowhere.jsonl").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("nowhere.jsonl (no such file)"), run.err());
    }

    private Run verify(List<String> lines) throws IOException {
        Path file = directory.resolve("export.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return run("audit", "verify", "--file", file.toString());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MaskerCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String hash(String line) throws IOException {
        return JSON.readTree(line).path("hash").asText();
    }

    /** Export lines of a chain of agent_created events, hashed by the documented rule. */
    private static List<String> chain(int events) {
        List<String> lines = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int seq = 1; seq <= events; seq++) {
            String body = "{\"agent_id\":\"agt_01JD8Q2W3E4R5T6Y7V8X9Z0P1A\",\"data\":{\"principal\":\"ops\"},"
                    + "\"event_id\":\"evt_01JD8Q2W3E4R5T6Y7V8X9Z0P" + (char) ('A' + seq) + "B\","
                    + "\"occurred_at\":\"2026-03-01T09:30:00.000Z\",\"seq\":" + seq + ",\"type\":\"agent_created\"}";
            String hash = ChainHash.of(previous, body);
            ObjectNode line = JSON.createObjectNode()
                    .put("seq", seq)
                    .put("prev_hash", previous)
                    .put("hash", hash)
                    .put("body", body);
            lines.add(line.toString());
            previous = hash;
        }
        return List.copyOf(lines);
    }
}
