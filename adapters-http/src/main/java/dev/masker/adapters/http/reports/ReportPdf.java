package dev.masker.adapters.http.reports;

import dev.masker.application.port.in.Report;
import dev.masker.application.port.in.Report.AgentPolicy;
import dev.masker.domain.report.ChainProof;
import dev.masker.domain.report.PolicySnapshot;
import dev.masker.domain.report.ReportPeriod;
import dev.masker.domain.report.ReportScope;
import dev.masker.domain.report.SafeHarborCoverage;
import dev.masker.domain.report.SafeHarborStatus;
import dev.masker.domain.report.ScopeActivity;
import dev.masker.domain.report.SegmentCheck;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A report as a PDF for a reader who is not an engineer (a clinic's compliance officer, an auditor): a cover with the
 * scope and the two verdicts (is the audit log intact, did anything leak), what was masked (bar charts drawn with
 * PDFBox's own vector operators, so no imaging library or AWT toolkit is needed), the policy and its Safe Harbor
 * coverage, and the proof values with how to check them. The numbers are those of {@link ReportJson}; the PDF holds
 * nothing the JSON does not.
 */
final class ReportPdf {
    private static final float MARGIN = 56;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final PDType1Font MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);
    private static final float[] INK = {0.13f, 0.15f, 0.18f};
    private static final float[] MUTED = {0.42f, 0.45f, 0.5f};
    private static final float[] GOOD = {0.11f, 0.5f, 0.27f};
    private static final float[] BAD = {0.75f, 0.15f, 0.15f};
    private static final float[] WARN = {0.8f, 0.47f, 0.05f};
    private static final float[] BAR = {0.2f, 0.4f, 0.7f};
    private static final float[] RULE = {0.85f, 0.87f, 0.9f};
    private static final int LEAK_ROWS = 25;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("MM-dd HH:00", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ReportPdf() {}

    /** The report's PDF. */
    static byte[] render(Report report) {
        try (PDDocument document = new PDDocument();
                Canvas canvas = new Canvas(document)) {
            document.getDocumentInformation()
                    .setTitle("Masker compliance report " + report.id().value());
            document.getDocumentInformation().setCreator("Masker");
            cover(canvas, report);
            masking(canvas, report);
            policies(canvas, report);
            proof(canvas, report);
            canvas.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the report's PDF could not be written", e);
        }
    }

    private static void cover(Canvas canvas, Report report) throws IOException {
        ScopeActivity activity = report.activity();
        canvas.newPage();
        canvas.line("Compliance report", BOLD, 26, INK);
        canvas.line("Masker, the HIPAA compliance firewall for voice AI agents", REGULAR, 11, MUTED);
        canvas.gap(18);
        canvas.field("Scope", scope(report.scope()));
        canvas.field("Period", period(report));
        canvas.field("Generated", MINUTE.format(report.generatedAt()));
        canvas.field("Report id", report.id().value());
        canvas.gap(16);

        ChainProof proof = report.proof();
        SegmentCheck check = report.check();
        if (proof.events() == 0) {
            canvas.verdict(
                    "NO AUDIT EVENTS", "Nothing happened in this scope and period: there is nothing to prove.", MUTED);
        } else if (check.intact()) {
            canvas.verdict(
                    "AUDIT LOG INTACT",
                    "The " + check.eventsChecked() + " audit events from #" + check.fromSequence()
                            + " to #" + check.toSequence() + ", which include all " + proof.events()
                            + " events of this report,"
                            + " re-hash to their stored hashes and each one names the hash of the one before it: none of them"
                            + " was edited, removed or inserted.",
                    GOOD);
        } else {
            canvas.verdict(
                    "AUDIT LOG BROKEN",
                    "The audit log does not hold together at event #"
                            + check.firstBreak().orElse(check.fromSequence()) + " (checked: #" + check.fromSequence()
                            + " to #"
                            + check.toSequence()
                            + "). An event was edited, removed or inserted: the numbers below cannot be"
                            + " trusted. Run the full verification and involve your security team.",
                    BAD);
        }
        canvas.gap(10);
        if (activity.leakFindings() == 0) {
            canvas.verdict(
                    "NO LEAKS FOUND",
                    "No answer from the AI model held a token that did not belong to its call.",
                    GOOD);
        } else {
            canvas.verdict(
                    "LEAK FINDINGS: " + activity.leakFindings(),
                    activity.leakFindings() + " token-shaped texts in "
                            + activity.leakTurnCount()
                            + " turns were left alone because they did not belong to their call (a"
                            + " token of another call, or a forged one). The turns are listed on the next page.",
                    WARN);
        }
        canvas.gap(18);
        canvas.line("At a glance", BOLD, 13, INK);
        canvas.gap(4);
        canvas.row(List.of("Calls started", Long.toString(activity.callsStarted())), List.of(220f, 100f), REGULAR);
        canvas.row(List.of("Calls ended", Long.toString(activity.callsEnded())), List.of(220f, 100f), REGULAR);
        canvas.row(
                List.of("Sessions (calls with proxied turns)", Long.toString(activity.sessions())),
                List.of(220f, 100f),
                REGULAR);
        canvas.row(
                List.of("Conversation turns proxied", Long.toString(activity.turns())), List.of(220f, 100f), REGULAR);
        canvas.row(List.of("Values masked", Long.toString(activity.maskedTotal())), List.of(220f, 100f), REGULAR);
        canvas.row(List.of("Audit events covered", Long.toString(proof.events())), List.of(220f, 100f), REGULAR);
        canvas.gap(18);
        canvas.paragraph(
                "What this is. Masker sits between the voice platform and the AI model. In every conversation"
                        + " turn it replaces protected health information (PHI) - names, phone numbers, dates of birth and the"
                        + " other Safe Harbor identifiers - with tokens before the turn reaches the model, and puts the originals"
                        + " back into the answer. Every decision is written to a tamper-evident audit log that holds no PHI. This"
                        + " report is computed from that log when it is asked for; it shows only ids, counts, kinds, hashes and"
                        + " timings.",
                REGULAR,
                10,
                MUTED);
    }

    private static void masking(Canvas canvas, Report report) throws IOException {
        ScopeActivity activity = report.activity();
        canvas.newPage();
        canvas.line("What was masked", BOLD, 18, INK);
        canvas.gap(6);
        Map<String, Long> byKind = ReportJson.maskedByKind(activity);
        if (byKind.isEmpty()) {
            canvas.paragraph("No values were masked.", REGULAR, 11, INK);
        } else {
            canvas.paragraph("Values masked by kind (" + activity.maskedTotal() + " in all):", REGULAR, 11, INK);
            canvas.gap(4);
            canvas.horizontalBars(byKind);
        }
        if (!(report.scope() instanceof ReportScope.Session)) {
            boolean daily =
                    report.period().map(ReportPeriod::timelineBucket).orElse(ChronoUnit.HOURS) == ChronoUnit.DAYS;
            canvas.gap(14);
            canvas.paragraph("Values masked per " + (daily ? "day" : "hour") + " (UTC):", REGULAR, 11, INK);
            canvas.gap(4);
            canvas.timeline(activity.timeline(), daily ? DAY : HOUR);
        }
        canvas.gap(14);
        canvas.line("How long masking took", BOLD, 13, INK);
        canvas.gap(2);
        if (activity.latencies().isEmpty()) {
            canvas.paragraph("No turns were proxied.", REGULAR, 10, MUTED);
        } else {
            List<Float> widths = List.of(250f, 60f, 80f, 80f);
            canvas.row(List.of("Stage", "Turns", "Median (ms)", "95th pct (ms)"), widths, BOLD);
            for (ScopeActivity.StageLatency stage : activity.latencies()) {
                canvas.row(
                        List.of(
                                stageName(stage.stage()),
                                Long.toString(stage.turns()),
                                millis(stage.p50Millis()),
                                millis(stage.p95Millis())),
                        widths,
                        REGULAR);
            }
        }
        if (!activity.recordedPolicies().isEmpty()) {
            canvas.gap(8);
            StringBuilder recorded = new StringBuilder("Masked under: ");
            for (ScopeActivity.RecordedPolicy policy : activity.recordedPolicies()) {
                recorded.append(policy.name()
                                .map(name -> name
                                        + policy.version()
                                                .map(version -> " version " + version)
                                                .orElse(""))
                                .orElse("a policy not recorded (older turns)"))
                        .append(" (")
                        .append(policy.turns())
                        .append(policy.turns() == 1 ? " turn), " : " turns), ");
            }
            canvas.paragraph(recorded.substring(0, recorded.length() - 2) + ".", REGULAR, 10, MUTED);
        }
        if (!activity.outcomes().isEmpty()) {
            canvas.gap(8);
            StringBuilder outcomes = new StringBuilder("Turn outcomes: ");
            activity.outcomes()
                    .forEach((outcome, count) ->
                            outcomes.append(outcome).append(' ').append(count).append(", "));
            canvas.paragraph(outcomes.substring(0, outcomes.length() - 2) + ".", REGULAR, 10, MUTED);
        }
        canvas.gap(14);
        canvas.line("Leak findings", BOLD, 13, INK);
        canvas.gap(2);
        if (activity.leakTurns().isEmpty()) {
            canvas.paragraph("None.", REGULAR, 10, INK);
        } else {
            List<Float> widths = List.of(60f, 190f, 190f, 50f);
            canvas.row(List.of("Event #", "Request", "Session", "Found"), widths, BOLD);
            for (ScopeActivity.LeakTurn turn : activity.leakTurns()
                    .subList(0, Math.min(LEAK_ROWS, activity.leakTurns().size()))) {
                canvas.row(
                        List.of(
                                Long.toString(turn.sequence()),
                                turn.requestId(),
                                turn.sessionId(),
                                Long.toString(turn.findings())),
                        widths,
                        REGULAR);
            }
            if (activity.leakTurnCount() > LEAK_ROWS) {
                canvas.paragraph(
                        (activity.leakTurnCount() - LEAK_ROWS) + " more turns: see the JSON report.",
                        REGULAR,
                        9,
                        MUTED);
            }
        }
    }

    private static void policies(Canvas canvas, Report report) throws IOException {
        Map<PolicySnapshot, List<AgentPolicy>> grouped = new LinkedHashMap<>();
        List<String> deleted = new ArrayList<>();
        for (AgentPolicy policy : report.policies()) {
            if (policy.snapshot().isPresent()) {
                grouped.computeIfAbsent(policy.snapshot().get(), key -> new ArrayList<>())
                        .add(policy);
            } else {
                deleted.add(policy.agent().value());
            }
        }
        canvas.newPage();
        canvas.line("The policy", BOLD, 18, INK);
        canvas.gap(4);
        canvas.paragraph(
                "A policy says which kinds of PHI Masker looks for and what it does with them. Shown is the"
                        + " policy each agent masks under at the time of this report.",
                REGULAR,
                10,
                MUTED);
        if (grouped.isEmpty()) {
            canvas.gap(6);
            canvas.paragraph("No agent took part in this scope.", REGULAR, 11, INK);
        }
        boolean first = true;
        for (Map.Entry<PolicySnapshot, List<AgentPolicy>> entry : grouped.entrySet()) {
            if (!first) {
                canvas.newPage();
            }
            first = false;
            PolicySnapshot snapshot = entry.getKey();
            canvas.gap(8);
            canvas.line(
                    "Policy " + snapshot.name() + ", version " + snapshot.version()
                            + (entry.getValue().getFirst().custom() ? " (the agent's own)" : " (built in)"),
                    BOLD,
                    13,
                    INK);
            canvas.paragraph(
                    "Agents: "
                            + String.join(
                                    ", ",
                                    entry.getValue().stream()
                                            .map(p -> p.agent().value())
                                            .toList()),
                    REGULAR,
                    9,
                    MUTED);
            canvas.gap(6);
            canvas.line("HIPAA Safe Harbor identifiers", BOLD, 11, INK);
            List<Float> widths = List.of(22f, 300f, 80f, 81f);
            canvas.row(List.of("#", "Identifier", "Status", "Kinds"), widths, BOLD);
            for (SafeHarborCoverage coverage : entry.getValue().getFirst().coverage()) {
                canvas.coverageRow(coverage, widths);
            }
            canvas.gap(4);
            canvas.paragraph(
                    "masked: replaced by a token only this deployment's key opens; redacted: replaced by a"
                            + " marker that cannot be turned back; passed: sent to the AI model as spoken; not detected: Masker"
                            + " has no detector for it (it does not occur in a call's text as a kind Masker recognises).",
                    REGULAR,
                    8,
                    MUTED);
            canvas.gap(8);
            canvas.line("The policy as configured (YAML)", BOLD, 11, INK);
            for (String line : snapshot.yaml().split("\n")) {
                canvas.line(line, MONO, 8, INK);
            }
        }
        if (!deleted.isEmpty()) {
            canvas.gap(8);
            canvas.paragraph(
                    "Deleted agents (their policy is no longer stored): " + String.join(", ", deleted) + ".",
                    REGULAR,
                    10,
                    INK);
        }
    }

    private static void proof(Canvas canvas, Report report) throws IOException {
        ChainProof proof = report.proof();
        SegmentCheck check = report.check();
        canvas.newPage();
        canvas.line("The proof", BOLD, 18, INK);
        canvas.gap(4);
        canvas.paragraph(
                "Each audit event stores the SHA-256 hash of the event before it and of its own content, so"
                        + " editing, removing or inserting one breaks the chain. These values pin down exactly which events this"
                        + " report was computed from; anyone with read access to the database can recompute them.",
                REGULAR,
                10,
                MUTED);
        canvas.gap(8);
        canvas.field("Events covered", Long.toString(proof.events()));
        proof.first().ifPresent(end -> canvas.hash("First event #" + end.sequence(), end.hash()));
        proof.last().ifPresent(end -> canvas.hash("Last event #" + end.sequence(), end.hash()));
        proof.merkleRoot().ifPresent(root -> canvas.hash("Merkle root", root));
        canvas.field("Merkle tree", ReportJson.MERKLE_ALGORITHM + " (RFC 6962 tree over the events' hashes)");
        if (proof.events() > 0) {
            canvas.field(
                    "Chain check",
                    (check.intact()
                                    ? "intact"
                                    : "broken at #" + check.firstBreak().orElse(0))
                            + ": events #" + check.fromSequence() + " to #" + check.toSequence() + ", "
                            + check.eventsChecked()
                            + " checked");
        }
        canvas.gap(12);
        canvas.line("How to verify", BOLD, 13, INK);
        canvas.gap(2);
        canvas.paragraph(
                "1. Check the whole chain: `masker audit verify`, or offline with tools/audit-verify.py as"
                        + " docs/AUDIT.md shows. It must say intact.",
                REGULAR,
                10,
                INK);
        canvas.paragraph(
                "2. List the hashes of this report's events in sequence order. For an agent's report:",
                REGULAR,
                10,
                INK);
        canvas.line("psql -At -c \"SELECT hash FROM masker.audit_event WHERE agent_id = '<agent>'", MONO, 8, INK);
        canvas.line(
                "  AND occurred_at >= '<since>' AND occurred_at < '<until>' ORDER BY seq\" > hashes.txt", MONO, 8, INK);
        canvas.paragraph(
                "(the whole deployment: drop the agent condition; a session: docs/AUDIT.md gives the query).",
                REGULAR,
                9,
                MUTED);
        canvas.paragraph(
                "3. Compute the Merkle root: each leaf is SHA-256 of the byte 0x00 followed by the event hash's 32"
                        + " bytes; each pair of neighbours becomes SHA-256 of 0x01, the left node and the right node; a last node"
                        + " without a neighbour moves up a level unchanged; repeat until one node is left. docs/AUDIT.md has a"
                        + " ten-line Python script and a worked example.",
                REGULAR,
                10,
                INK);
        canvas.paragraph(
                "4. The count, the first and last hashes and the root must equal the values above.", REGULAR, 10, INK);
    }

    private static String scope(ReportScope scope) {
        return switch (scope) {
            case ReportScope.Session session ->
                "one call, session " + session.session().value();
            case ReportScope.Agent agent -> "agent " + agent.agent().value();
            case ReportScope.Deployment ignored -> "the whole deployment (every agent)";
        };
    }

    private static String period(Report report) {
        return report.period()
                .map(period -> MINUTE.format(period.since()) + "  to  " + MINUTE.format(period.until()))
                .orElseGet(() -> report.activity().firstAt().map(MINUTE::format).orElse("-"));
    }

    private static String stageName(String stage) {
        return switch (stage) {
            case "mask" -> "Finding and masking PHI";
            case "upstream_first_byte" -> "AI model, until its first byte";
            case "upstream" -> "AI model, whole answer";
            case "vault" -> "Storing the tokens' originals";
            case "vault_wait" -> "Waiting for that storage";
            case "total" -> "Whole turn";
            case "added" -> "Added by Masker (whole turn less the AI model)";
            default -> stage;
        };
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }

    /** Standard-14 fonts encode WinAnsi only; a report holds ASCII, and anything else is shown as '?'. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    /** Lays content out top to bottom, starting a new page when the current one is full. */
    private static final class Canvas implements AutoCloseable {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;
        private int pages;

        Canvas(PDDocument document) {
            this.document = document;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            pages++;
            y = PAGE.getHeight() - MARGIN;
            text(MARGIN, MARGIN / 2, REGULAR, 8, MUTED, "Masker compliance report - page " + pages);
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void line(String text, PDType1Font font, float size, float[] color) throws IOException {
            ensure(size * 1.35f);
            y -= size * 1.35f;
            text(MARGIN, y, font, size, color, text);
        }

        void paragraph(String text, PDType1Font font, float size, float[] color) throws IOException {
            for (String line : wrap(text, font, size, WIDTH)) {
                line(line, font, size, color);
            }
        }

        void field(String label, String value) throws IOException {
            ensure(16);
            y -= 16;
            text(MARGIN, y, BOLD, 10, MUTED, label);
            text(MARGIN + 110, y, REGULAR, 10, INK, value);
        }

        void hash(String label, String hash) {
            try {
                ensure(16);
                y -= 16;
                text(MARGIN, y, BOLD, 10, MUTED, label);
                text(MARGIN + 110, y, MONO, 8.5f, INK, hash);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void verdict(String title, String explanation, float[] color) throws IOException {
            List<String> lines = wrap(explanation, REGULAR, 10, WIDTH - 24);
            float height = 30 + lines.size() * 13.5f;
            ensure(height + 4);
            stream.setNonStrokingColor(color[0], color[1], color[2]);
            stream.addRect(MARGIN, y - height, 6, height);
            stream.fill();
            stream.setNonStrokingColor(0.96f, 0.97f, 0.98f);
            stream.addRect(MARGIN + 6, y - height, WIDTH - 6, height);
            stream.fill();
            float top = y;
            text(MARGIN + 18, top - 20, BOLD, 14, color, title);
            float lineY = top - 36;
            for (String line : lines) {
                text(MARGIN + 18, lineY, REGULAR, 10, INK, line);
                lineY -= 13.5f;
            }
            y = top - height;
        }

        void row(List<String> cells, List<Float> widths, PDType1Font font) throws IOException {
            ensure(15);
            y -= 15;
            float x = MARGIN;
            for (int i = 0; i < cells.size(); i++) {
                text(x, y + 3, font, 9, INK, fit(cells.get(i), font, 9, widths.get(i) - 4));
                x += widths.get(i);
            }
            rule(y);
        }

        void coverageRow(SafeHarborCoverage coverage, List<Float> widths) throws IOException {
            ensure(15);
            y -= 15;
            float x = MARGIN;
            text(
                    x,
                    y + 3,
                    REGULAR,
                    9,
                    INK,
                    Integer.toString(coverage.identifier().number()));
            x += widths.get(0);
            text(x, y + 3, REGULAR, 9, INK, fit(coverage.identifier().title(), REGULAR, 9, widths.get(1) - 4));
            x += widths.get(1);
            float[] color = switch (coverage.status()) {
                case MASKED, REDACTED -> GOOD;
                case PASSED -> BAD;
                case NOT_DETECTED -> MUTED;
            };
            text(x, y + 3, BOLD, 9, color, coverage.status().wireName());
            x += widths.get(2);
            String kinds = String.join(
                    " ",
                    coverage.actions().keySet().stream()
                            .map(Enum::name)
                            .sorted()
                            .toList());
            text(
                    x,
                    y + 3,
                    REGULAR,
                    7.5f,
                    MUTED,
                    fit(
                            coverage.status() == SafeHarborStatus.NOT_DETECTED ? "-" : kinds,
                            REGULAR,
                            7.5f,
                            widths.get(3) - 2));
            rule(y);
        }

        void horizontalBars(Map<String, Long> values) throws IOException {
            long max = values.values().stream().mapToLong(Long::longValue).max().orElse(1);
            float labelWidth = 90;
            float barSpace = WIDTH - labelWidth - 50;
            for (Map.Entry<String, Long> entry : values.entrySet()) {
                ensure(16);
                y -= 16;
                text(MARGIN, y + 3, REGULAR, 9, INK, entry.getKey());
                float length = Math.max(1, barSpace * entry.getValue() / max);
                stream.setNonStrokingColor(BAR[0], BAR[1], BAR[2]);
                stream.addRect(MARGIN + labelWidth, y + 1, length, 10);
                stream.fill();
                text(MARGIN + labelWidth + length + 5, y + 3, BOLD, 9, INK, Long.toString(entry.getValue()));
            }
        }

        void timeline(List<ScopeActivity.TimeBucket> buckets, DateTimeFormatter labels) throws IOException {
            float height = 120;
            ensure(height + 30);
            if (buckets.isEmpty()) {
                paragraph("No activity.", REGULAR, 10, MUTED);
                return;
            }
            long max = Math.max(
                    1,
                    buckets.stream()
                            .mapToLong(ScopeActivity.TimeBucket::masked)
                            .max()
                            .orElse(1));
            float left = MARGIN + 30;
            float chartWidth = WIDTH - 30;
            float bottom = y - height;
            float slot = chartWidth / buckets.size();
            stream.setNonStrokingColor(BAR[0], BAR[1], BAR[2]);
            for (int i = 0; i < buckets.size(); i++) {
                long masked = buckets.get(i).masked();
                if (masked > 0) {
                    stream.addRect(
                            left + i * slot + slot * 0.1f, bottom, Math.max(0.5f, slot * 0.8f), height * masked / max);
                }
            }
            stream.fill();
            stream.setStrokingColor(MUTED[0], MUTED[1], MUTED[2]);
            stream.setLineWidth(0.5f);
            stream.moveTo(left, bottom);
            stream.lineTo(left + chartWidth, bottom);
            stream.moveTo(left, bottom);
            stream.lineTo(left, bottom + height);
            stream.stroke();
            text(MARGIN, bottom + height - 8, REGULAR, 8, MUTED, Long.toString(max));
            text(MARGIN, bottom, REGULAR, 8, MUTED, "0");
            text(
                    left,
                    bottom - 12,
                    REGULAR,
                    8,
                    MUTED,
                    labels.format(buckets.getFirst().start()));
            String last = labels.format(buckets.getLast().start());
            text(left + chartWidth - REGULAR.getStringWidth(last) / 1000 * 8, bottom - 12, REGULAR, 8, MUTED, last);
            y = bottom - 16;
        }

        private void rule(float at) throws IOException {
            stream.setStrokingColor(RULE[0], RULE[1], RULE[2]);
            stream.setLineWidth(0.5f);
            stream.moveTo(MARGIN, at);
            stream.lineTo(MARGIN + WIDTH, at);
            stream.stroke();
        }

        private void text(float x, float at, PDType1Font font, float size, float[] color, String text) {
            try {
                stream.beginText();
                stream.setNonStrokingColor(color[0], color[1], color[2]);
                stream.setFont(font, size);
                stream.newLineAtOffset(x, at);
                stream.showText(printable(text));
                stream.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : printable(text).split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private static String fit(String text, PDType1Font font, float size, float width) throws IOException {
            String shown = printable(text);
            while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * size > width) {
                shown = shown.substring(0, shown.length() - 2) + "~";
            }
            return shown;
        }

        @Override
        public void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }
}
