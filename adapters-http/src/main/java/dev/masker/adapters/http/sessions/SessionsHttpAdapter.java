package dev.masker.adapters.http.sessions;

import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.in.GetSessionQuery;
import dev.masker.application.port.in.GetSessionUseCase;
import dev.masker.application.port.in.ListAgentSessionsQuery;
import dev.masker.application.port.in.ListAgentSessionsUseCase;
import dev.masker.application.port.in.ListSessionsQuery;
import dev.masker.application.port.in.ListSessionsUseCase;
import dev.masker.application.port.in.SessionPage;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.session.activity.SessionDetail;
import dev.masker.domain.session.activity.SessionSummary;
import dev.masker.domain.session.activity.SessionTurn;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code /api/v1/sessions}, {@code /api/v1/sessions/{id}} and {@code /api/v1/agents/{id}/sessions} (SPEC §8), behind the
 * admin authentication every {@code /api/v1} route has. A session shows counts, kinds, ids and timings — never a value
 * or a token.
 */
public final class SessionsHttpAdapter implements HttpService {
    private final ListSessionsUseCase list;
    private final ListAgentSessionsUseCase listOfAgent;
    private final GetSessionUseCase get;
    private final JsonCodec json;

    public SessionsHttpAdapter(
            ListSessionsUseCase list, ListAgentSessionsUseCase listOfAgent, GetSessionUseCase get, JsonCodec json) {
        this.list = Objects.requireNonNull(list, "list");
        this.listOfAgent = Objects.requireNonNull(listOfAgent, "listOfAgent");
        this.get = Objects.requireNonNull(get, "get");
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/sessions", this::list)
                .any("/api/v1/sessions", HttpErrorMapper.methodNotAllowed("GET"))
                .get("/api/v1/sessions/{id}", this::get)
                .any("/api/v1/sessions/{id}", HttpErrorMapper.methodNotAllowed("GET"))
                .get("/api/v1/agents/{id}/sessions", this::listOfAgent)
                .any("/api/v1/agents/{id}/sessions", HttpErrorMapper.methodNotAllowed("GET"));
    }

    private void list(ServerRequest request, ServerResponse response) {
        send(response, list.list(query(request.query())));
    }

    private void listOfAgent(ServerRequest request, ServerResponse response) {
        String agentIdText = request.path().pathParameters().get("id");
        send(response, listOfAgent.listOfAgent(new ListAgentSessionsQuery(agentIdText, query(request.query()))));
    }

    private void get(ServerRequest request, ServerResponse response) {
        SessionDetail detail =
                get.get(new GetSessionQuery(request.path().pathParameters().get("id")));
        json.send(response, Status.OK_200, Map.of("session", detail(detail)));
    }

    private static ListSessionsQuery query(UriQuery query) {
        return new ListSessionsQuery(
                query.first("limit").asOptional(),
                query.first("cursor").asOptional(),
                query.first("since").asOptional(),
                query.first("agent_id").asOptional(),
                query.first("status").asOptional(),
                query.first("min_redactions").asOptional());
    }

    private void send(ServerResponse response, SessionPage page) {
        Map<String, Object> body = new HashMap<>();
        body.put(
                "data",
                page.sessions().stream().map(SessionsHttpAdapter::summary).toList());
        body.put("next_cursor", page.nextCursor().orElse(null));
        json.send(response, Status.OK_200, body);
    }

    private static Map<String, Object> summary(SessionSummary session) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", session.id().value());
        fields.put("agent_id", session.agentId().value());
        fields.put("agent_name", session.agentName());
        fields.put("started_at", JsonCodec.timestamp(session.startedAt()));
        fields.put("ended_at", session.endedAt().map(JsonCodec::timestamp).orElse(null));
        fields.put("duration_ms", session.duration().map(Duration::toMillis).orElse(null));
        fields.put("status", session.status().wireName());
        fields.put("turns", session.turns());
        fields.put("redaction_count", session.redactionCount());
        fields.put("redactions_by_kind", byKind(session.redactionsByKind()));
        fields.put("upstream_model", session.upstreamModel().orElse(null));
        return fields;
    }

    private static Map<String, Object> detail(SessionDetail detail) {
        Map<String, Object> fields = summary(detail.summary());
        fields.put(
                "policy_name",
                detail.lastWithPolicy().flatMap(SessionTurn::policyName).orElse(null));
        fields.put(
                "policy_version",
                detail.lastWithPolicy().flatMap(SessionTurn::policyVersion).orElse(null));
        Map<SessionTurn.Stage, Duration> medians = detail.medianStages();
        Map<String, Object> stages = new LinkedHashMap<>();
        Duration detection = medians.get(SessionTurn.Stage.DETECTION);
        Duration masking = medians.get(SessionTurn.Stage.MASKING);
        stages.put("detection", millis(detection));
        // Tokens are masking's part after detection: the medians of each are taken apart, so this is approximate.
        stages.put(
                "tokenize",
                detection == null || masking == null
                        ? null
                        : millis(masking.minus(detection).isNegative() ? Duration.ZERO : masking.minus(detection)));
        stages.put("upstream", millis(medians.get(SessionTurn.Stage.UPSTREAM)));
        stages.put("rehydrate", millis(medians.get(SessionTurn.Stage.REHYDRATION)));
        fields.put("stage_durations_ms", stages);
        fields.put(
                "events",
                detail.turns().stream()
                        .map(turn -> {
                            Map<String, Object> event = turn(turn);
                            // Only for a policy with log_payloads: true; PHI, shown to the admin who asked, never
                            // logged.
                            Map<String, Object> payload = detail.payloads().get(turn.requestId());
                            if (payload != null) {
                                event.put("payload", payload);
                            }
                            return event;
                        })
                        .toList());
        fields.put(
                "leak_findings",
                detail.leakFindings().stream()
                        .map(turn ->
                                Map.of("seq", turn.seq(), "request_id", turn.requestId(), "count", turn.leakFindings()))
                        .toList());
        fields.put(
                "call_ended",
                detail.callEnd()
                        .map(end -> {
                            Map<String, Object> ended = new LinkedHashMap<>();
                            ended.put("at", JsonCodec.timestamp(end.at()));
                            ended.put("ended_reason", end.endedReason());
                            ended.put("duration_ms", end.durationMs().orElse(null));
                            return ended;
                        })
                        .orElse(null));
        return fields;
    }

    private static Map<String, Object> turn(SessionTurn turn) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", turn.seq());
        fields.put("at", JsonCodec.timestamp(turn.at()));
        fields.put("request_id", turn.requestId());
        fields.put("outcome", turn.outcome());
        fields.put("stream", turn.stream());
        fields.put("model", turn.model());
        fields.put("masked_total", turn.maskedTotal());
        fields.put("masked", byKind(turn.masked()));
        fields.put("restored", turn.restored());
        fields.put("leak_findings", turn.leakFindings());
        Map<String, Object> stages = new LinkedHashMap<>();
        turn.stages().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(stage -> stages.put(stage.getKey().name().toLowerCase(Locale.ROOT), millis(stage.getValue())));
        fields.put("durations_ms", stages);
        // The values masked in the messages this turn brought (earlier ones were listed with their own turn).
        fields.put(
                "values",
                turn.values().stream()
                        .map(value -> {
                            Map<String, Object> listed = new LinkedHashMap<>();
                            listed.put("text", value.text());
                            listed.put("start", value.start());
                            listed.put("end", value.end());
                            listed.put("kind", value.kind().name());
                            listed.put("action", value.action());
                            listed.put("scheme", value.scheme().orElse(null));
                            listed.put("kid", value.kid().orElse(null));
                            listed.put("recognizer", value.recognizer());
                            return listed;
                        })
                        .toList());
        if (turn.valuesOmitted() > 0) {
            fields.put("values_omitted", turn.valuesOmitted());
        }
        return fields;
    }

    private static Map<String, Long> byKind(Map<PhiKind, Long> counts) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> byKind.put(entry.getKey().name(), entry.getValue()));
        return byKind;
    }

    /** Milliseconds to three decimals (microseconds), or null. */
    private static Double millis(Duration duration) {
        return duration == null ? null : duration.toNanos() / 1_000 / 1_000.0;
    }
}
