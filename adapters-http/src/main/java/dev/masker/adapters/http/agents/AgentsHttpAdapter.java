package dev.masker.adapters.http.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.AdminAuthentication;
import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.RequestBodies;
import dev.masker.adapters.http.RequestIdFilter;
import dev.masker.application.port.in.CreateAgentCommand;
import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
import dev.masker.application.port.in.CreateAgentUseCase;
import dev.masker.application.port.in.GetAgentQuery;
import dev.masker.application.port.in.GetAgentUseCase;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentUrls;
import dev.masker.domain.assistant.AssistantConfig;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/agents} and {@code GET /api/v1/agents/{id}} (SPEC §5), behind {@link AdminAuthentication} (which
 * the routing puts in front of all of {@code /api/v1}). Field types are checked here and reported all at once; what
 * the values mean is checked by the use case.
 */
public final class AgentsHttpAdapter implements HttpService {
    private static final Set<String> FIELDS = Set.of("name", "upstream", "tokenization", "policy_name", "policy_yaml",
            "assistant", "config_callback");
    private static final Set<String> CALLBACK_FIELDS = Set.of("url", "secret", "timeout_ms");

    private final CreateAgentUseCase createAgent;
    private final GetAgentUseCase getAgent;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final AgentUrls urls;

    public AgentsHttpAdapter(CreateAgentUseCase createAgent, GetAgentUseCase getAgent, RequestBodies bodies,
                             JsonCodec json, AgentUrls urls) {
        this.createAgent = Objects.requireNonNull(createAgent, "createAgent");
        this.getAgent = Objects.requireNonNull(getAgent, "getAgent");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/agents", this::create)
                .any("/api/v1/agents", HttpErrorMapper.methodNotAllowed("POST"))
                .get("/api/v1/agents/{id}", this::get)
                .any("/api/v1/agents/{id}", HttpErrorMapper.methodNotAllowed("GET"));
    }

    private void create(ServerRequest request, ServerResponse response) {
        JsonNode body = json.readTree(bodies.readJson(request));
        Agent agent = createAgent.create(command(body, request));
        response.header(HeaderNames.LOCATION, "/api/v1/agents/" + agent.id().value());
        json.send(response, Status.CREATED_201, Map.of("agent", AgentResponse.of(agent, urls)));
    }

    private void get(ServerRequest request, ServerResponse response) {
        Agent agent = getAgent.get(new GetAgentQuery(request.path().pathParameters().get("id")));
        json.send(response, Status.OK_200, Map.of("agent", AgentResponse.of(agent, urls)));
    }

    private CreateAgentCommand command(JsonNode body, ServerRequest request) {
        if (!body.isObject()) {
            throw DomainException.invalid("(body)", "must be a JSON object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        unknownFields(body, FIELDS, "", problems);
        Optional<String> name = text(body, "name", "name", false, problems);
        Optional<String> upstream = text(body, "upstream", "upstream", false, problems);
        Optional<String> tokenization = text(body, "tokenization", "tokenization", false, problems);
        Optional<String> policyName = text(body, "policy_name", "policy_name", false, problems);
        if (body.has("policy_yaml")) {
            problems.add(new FieldProblem("policy_yaml", "custom policies are not supported yet; use policy_name"));
        }
        AssistantConfig assistant = AssistantConfig.empty();
        if (body.hasNonNull("assistant")) {
            if (body.get("assistant").isObject()) {
                assistant = AssistantConfig.of(json.toMap(body.get("assistant")));
            } else {
                problems.add(new FieldProblem("assistant", "must be an object (a Vapi assistant)"));
            }
        }
        Optional<CallbackFields> callback = callback(body.get("config_callback"), problems);
        // Values are checked by the use case, which reports these shape problems together with its own.
        return new CreateAgentCommand(name.orElse(null), upstream.orElse(null), tokenization, policyName, assistant,
                callback, problems, AdminAuthentication.principal(request).value(), RequestIdFilter.requestId(request));
    }

    private static Optional<CallbackFields> callback(JsonNode node, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            problems.add(new FieldProblem("config_callback", "must be an object with url, secret and timeout_ms"));
            return Optional.empty();
        }
        unknownFields(node, CALLBACK_FIELDS, "config_callback.", problems);
        Optional<String> url = text(node, "url", "config_callback.url", true, problems);
        Optional<String> secret = text(node, "secret", "config_callback.secret", true, problems);
        Optional<Long> timeout = Optional.empty();
        JsonNode timeoutNode = node.get("timeout_ms");
        if (timeoutNode != null && !timeoutNode.isNull()) {
            if (timeoutNode.canConvertToExactIntegral() && timeoutNode.canConvertToLong()) {
                timeout = Optional.of(timeoutNode.longValue());
            } else {
                problems.add(new FieldProblem("config_callback.timeout_ms", "must be a whole number of milliseconds"));
            }
        }
        return url.isPresent() && secret.isPresent()
                ? Optional.of(new CallbackFields(url.get(), secret.get(), timeout)) : Optional.empty();
    }

    private static Optional<String> text(JsonNode object, String key, String field, boolean required,
                                         List<FieldProblem> problems) {
        JsonNode node = object.get(key);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required"));
            }
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problems.add(new FieldProblem(field, "must be a string"));
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    private static void unknownFields(JsonNode object, Set<String> known, String prefix, List<FieldProblem> problems) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                // The field name is the caller's own text; cap it so an error never echoes much of a body.
                String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
                problems.add(new FieldProblem(prefix + shown, "is not a known field"));
            }
        }
    }
}
