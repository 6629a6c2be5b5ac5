package dev.masker.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masker.domain.phi.PhiSpan;
import dev.masker.domain.phi.detect.ExplainedSpan;
import dev.masker.domain.phi.detect.PhiDetector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Reads JSON Lines {@code {"id","text"}} on standard input and writes {@code {"id","spans":[{"start","end","kind"}]}}
 * for each, in order: the evaluation interface that {@code phi-score.py} scores.
 */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Detect PHI in JSON Lines {\"id\",\"text\"} read from standard input.",
            "Writes one line {\"id\",\"spans\":[{\"start\",\"end\",\"kind\"}]} per input line"
                    + " (UTF-16 offsets, end exclusive).",
            "A line that is not such an object is reported on standard error and skipped; the exit code is then 2.",
            "With --explain each span also says which recognizer found it, on what evidence, and whether in the"
                    + " normalized view (spoken, structured or accented forms written out)."
        })
final class PhiDetectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final InputStream input;

    @CommandLine.Option(
            names = "--explain",
            description = "Add recognizer, evidence, view, priority and widened_by to each span.")
    private boolean explain;

    PhiDetectCommand() {
        this(System.in);
    }

    PhiDetectCommand(InputStream input) {
        this.input = input;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PhiDetector detector = PhiDetector.withBundledNameLists();
        int bad = 0;
        int lineNumber = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String problem = detectLine(detector, line, explain, out);
                if (problem != null) {
                    bad++;
                    // The line itself may hold PHI: the message names the line number, never its content.
                    err.println("masker phi detect: line " + lineNumber + ": " + problem + "; skipped");
                }
            }
        } catch (IOException e) {
            err.println("masker phi detect: cannot read standard input: " + e.getMessage());
            return MaskerCommand.REFUSED;
        } catch (RuntimeException e) {
            // No stack trace and no message text: either could carry the turn being scanned.
            err.println("masker phi detect: line " + lineNumber + ": detection failed ("
                    + e.getClass().getSimpleName() + ")");
            return MaskerCommand.REFUSED;
        }
        out.flush();
        if (bad > 0) {
            err.println(
                    "masker phi detect: " + bad + " bad line(s); expected {\"id\": ..., \"text\": \"...\"} per line");
            err.flush();
            return MaskerCommand.USAGE;
        }
        return MaskerCommand.OK;
    }

    private static String detectLine(PhiDetector detector, String line, boolean explain, PrintWriter out) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return "not valid JSON";
        }
        if (node == null || !node.isObject()) {
            return "not a JSON object";
        }
        JsonNode id = node.get("id");
        JsonNode text = node.get("text");
        if (id == null || !(id.isTextual() || id.isIntegralNumber())) {
            return "missing \"id\" (a string or an integer)";
        }
        if (text == null || !text.isTextual()) {
            return "missing \"text\" (a string)";
        }
        ObjectNode result = JSON.createObjectNode();
        result.set("id", id);
        ArrayNode spans = result.putArray("spans");
        if (explain) {
            for (ExplainedSpan explained : detector.explain(text.asText())) {
                PhiSpan span = explained.span();
                ObjectNode described = spans.addObject()
                        .put("start", span.start())
                        .put("end", span.end())
                        .put("kind", span.kind().name())
                        .put("recognizer", explained.recognizer())
                        .put("evidence", explained.evidence())
                        .put("view", explained.normalizedView() ? "normalized" : "original")
                        .put("priority", explained.priority());
                explained.widenedBy().forEach(described.putArray("widened_by")::add);
            }
        } else {
            for (PhiSpan span : detector.detect(text.asText())) {
                spans.addObject()
                        .put("start", span.start())
                        .put("end", span.end())
                        .put("kind", span.kind().name());
            }
        }
        out.println(result);
        return null;
    }
}
