package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masker.bootstrap.cli.MaskerCommand;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code masker phi detect}: JSON Lines in, spans out, bad lines reported without a stack trace. */
class PhiDetectCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exitCode, String out, String err) {}

    /** Runs {@code masker phi detect} with the given standard input. */
    static Run detect(String input, String... options) {
        InputStream previous = System.in;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            String[] args = new String[options.length + 2];
            args[0] = "phi";
            args[1] = "detect";
            System.arraycopy(options, 0, args, 2, options.length);
            int code = MaskerCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void givenJsonLines_phiDetect_writesOneSpanLinePerInputLine() throws Exception {
        Run run = detect("""
                {"id":"a","text":"My number is (415) 555-2671."}
                {"id":"b","text":"Do you have anything open next Tuesday?"}
                """);

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run.out());
        JsonNode first = JSON.readTree(lines[0]);
        assertEquals("a", first.path("id").asText());
        assertEquals(13, first.path("spans").path(0).path("start").asInt());
        assertEquals(27, first.path("spans").path(0).path("end").asInt());
        assertEquals("PHONE", first.path("spans").path(0).path("kind").asText());
        assertEquals("{\"id\":\"b\",\"spans\":[]}", lines[1]);
    }

    @Test
    void givenExplain_phiDetect_saysWhichRecognizerAndEvidenceFoundEachSpan() throws Exception {
        Run run = detect("""
                {"id":"a","text":"{\\"pt\\":\\"Doan, Van\\"} my social is six twenty-one, ninety-two, forty-four twenty-nine"}
                """, "--explain");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode spans = JSON.readTree(run.out().strip()).path("spans");
        assertEquals(2, spans.size(), run.out());
        assertEquals("NAME", spans.path(0).path("kind").asText());
        assertEquals("structured field", spans.path(0).path("recognizer").asText());
        assertEquals("field \"pt\"", spans.path(0).path("evidence").asText());
        assertEquals("SSN", spans.path(1).path("kind").asText());
        assertEquals("value run", spans.path(1).path("recognizer").asText());
        assertEquals("normalized", spans.path(1).path("view").asText(), "spoken numbers are read as digits");
    }

    @Test
    void givenBadLines_phiDetect_reportsThemByNumberWithoutContentOrStackTrace() {
        Run run = detect("""
                {"id":"a","text":"hi"}
                not json 415-555-2671
                {"id":"c"}
                {"id":"d","text":"ok"}
                """);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("line 2: not valid JSON"), run.err());
        assertTrue(run.err().contains("line 3: missing \"text\""), run.err());
        assertFalse(run.err().contains("415-555-2671"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertEquals(2, run.out().strip().split("\n").length, run.out());
    }
}
