package dev.masker.adapters.http.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.masker.adapters.http.AdminAuthentication;
import dev.masker.adapters.http.HttpErrorMapper;
import dev.masker.adapters.http.JsonCodec;
import dev.masker.adapters.http.RequestBodies;
import dev.masker.adapters.http.RequestIdFilter;
import dev.masker.application.port.in.AgentDetails;
import dev.masker.application.port.in.AgentPage;
import dev.masker.application.port.in.CreateAgentCommand;
import dev.masker.application.port.in.CreateAgentCommand.CallbackFields;
import dev.masker.application.port.in.CreateAgentCommand.CredentialFields;
import dev.masker.application.port.in.CreateAgentCommand.ForwardFields;
import dev.masker.application.port.in.CreateAgentUseCase;
import dev.masker.application.port.in.DeleteAgentCommand;
import dev.masker.application.port.in.DeleteAgentUseCase;
import dev.masker.application.port.in.GetAgentQuery;
import dev.masker.application.port.in.GetAgentUseCase;
import dev.masker.application.port.in.ListAgentsQuery;
import dev.masker.application.port.in.ListAgentsUseCase;
import dev.masker.application.port.in.UpdateAgentCommand;
import dev.masker.application.port.in.UpdateAgentCommand.CallbackChange;
import dev.masker.application.port.in.UpdateAgentCommand.FieldChange;
import dev.masker.application.port.in.UpdateAgentCommand.ForwardChange;
import dev.masker.application.port.in.UpdateAgentUseCase;
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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /api/v1/agents} (SPEC §5): create, list, get, partial update and delete, behind {@link AdminAuthentication}
 * (which the routing puts in front of all of {@code /api/v1}). Field types are checked here and reported together with
 * the value checks of the use cases; unknown fields are rejected.
 */
public final class AgentsHttpAdapter implements HttpService {
    private static final Set<String> FIELDS = Set.of(
            "name",
            "upstream",
            "tokenization",
            "policy_name",
            "policy_yaml",
            "assistant",
            "config_callback",
            "allowed_models",
            "forward",
            "webhook_credential");
    private static final Set<String> CALLBACK_FIELDS = Set.of("url", "secret", "timeout_ms");
    private static final Set<String> FORWARD_FIELDS = Set.of("url", "secret", "timeout_ms", "messages");
    private static final Set<String> HMAC_FIELDS = Set.of(
            "type",
            "secret",
            "algorithm",
            "signature_header",
            "signature_prefix",
            "include_timestamp",
            "timestamp_header",
            "secret_is_base64");
    private static final Set<String> BEARER_FIELDS = Set.of("type", "token", "header");

    private final AgentUseCases agents;
    private final RequestBodies bodies;
    private final JsonCodec json;
    private final AgentUrls urls;

    /** The agent use cases this adapter drives. */
    public record AgentUseCases(
            CreateAgentUseCase create,
            ListAgentsUseCase list,
            GetAgentUseCase get,
            UpdateAgentUseCase update,
            DeleteAgentUseCase delete) {
        public AgentUseCases {
            Objects.requireNonNull(create, "create");
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(get, "get");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(delete, "delete");
        }
    }

    public AgentsHttpAdapter(AgentUseCases agents, RequestBodies bodies, JsonCodec json, AgentUrls urls) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.json = Objects.requireNonNull(json, "json");
        this.urls = Objects.requireNonNull(urls, "urls");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/agents", this::create)
                .get("/api/v1/agents", this::list)
                .any("/api/v1/agents", HttpErrorMapper.methodNotAllowed("GET, POST"))
                .get("/api/v1/agents/{id}", this::get)
                .patch("/api/v1/agents/{id}", this::update)
                .delete("/api/v1/agents/{id}", this::delete)
                .any("/api/v1/agents/{id}", HttpErrorMapper.methodNotAllowed("GET, PATCH, DELETE"));
    }

    private void create(ServerRequest request, ServerResponse response) {
        Fields fields = Fields.read(object(request), false, json);
        Agent agent = agents.create()
                .create(new CreateAgentCommand(
                        fields.name().orElse(null),
                        fields.upstream().orElse(null),
                        fields.tokenization(),
                        fields.policyName(),
                        fields.policyYaml(),
                        fields.assistant().orElse(AssistantConfig.empty()),
                        fields.callback() instanceof CallbackChange.Replace replace
                                ? Optional.of(replace.fields())
                                : Optional.empty(),
                        fields.allowedModels(),
                        fields.forward() instanceof ForwardChange.Replace forwardTo
                                ? Optional.of(forwardTo.fields())
                                : Optional.empty(),
                        fields.webhookCredential() instanceof FieldChange.Replace<CredentialFields> credential
                                ? Optional.of(credential.fields())
                                : Optional.empty(),
                        fields.problems(),
                        AdminAuthentication.principal(request).value(),
                        RequestIdFilter.requestId(request)));
        response.header(HeaderNames.LOCATION, "/api/v1/agents/" + agent.id().value());
        json.send(response, Status.CREATED_201, Map.of("agent", AgentResponse.of(agent, urls)));
    }

    private void list(ServerRequest request, ServerResponse response) {
        var query = request.query();
        AgentPage page = agents.list()
                .list(new ListAgentsQuery(
                        query.first("limit").asOptional(),
                        query.first("cursor").asOptional(),
                        query.first("name_contains").asOptional()));
        Map<String, Object> body = new HashMap<>();
        body.put(
                "data",
                page.agents().stream()
                        .map(agent -> AgentResponse.of(agent, urls))
                        .toList());
        body.put("next_cursor", page.nextCursor().orElse(null));
        json.send(response, Status.OK_200, body);
    }

    private void get(ServerRequest request, ServerResponse response) {
        AgentDetails details = agents.get()
                .get(new GetAgentQuery(request.path().pathParameters().get("id")));
        json.send(response, Status.OK_200, Map.of("agent", AgentResponse.of(details, urls)));
    }

    private void update(ServerRequest request, ServerResponse response) {
        Fields fields = Fields.read(object(request), true, json);
        Agent agent = agents.update()
                .update(new UpdateAgentCommand(
                        request.path().pathParameters().get("id"),
                        fields.name(),
                        fields.upstream(),
                        fields.tokenization(),
                        fields.policyName(),
                        fields.policyYaml(),
                        fields.assistant(),
                        fields.callback(),
                        fields.allowedModels(),
                        fields.forward(),
                        fields.webhookCredential(),
                        fields.problems(),
                        AdminAuthentication.principal(request).value(),
                        RequestIdFilter.requestId(request)));
        json.send(response, Status.OK_200, Map.of("agent", AgentResponse.of(agent, urls)));
    }

    private void delete(ServerRequest request, ServerResponse response) {
        agents.delete()
                .delete(new DeleteAgentCommand(
                        request.path().pathParameters().get("id"),
                        AdminAuthentication.principal(request).value(),
                        RequestIdFilter.requestId(request)));
        response.status(Status.NO_CONTENT_204).send();
    }

    private JsonNode object(ServerRequest request) {
        JsonNode body = json.readTree(bodies.readJson(request));
        if (!body.isObject()) {
            throw DomainException.invalid("(body)", "must be a JSON object");
        }
        return body;
    }

    /** The agent fields of a request body, with every problem of shape found while reading them. */
    private record Fields(
            Optional<String> name,
            Optional<String> upstream,
            Optional<String> tokenization,
            Optional<String> policyName,
            Optional<String> policyYaml,
            Optional<AssistantConfig> assistant,
            CallbackChange callback,
            Optional<List<String>> allowedModels,
            ForwardChange forward,
            FieldChange<CredentialFields> webhookCredential,
            List<FieldProblem> problems) {

        /**
         * Reads the fields; in a partial update an explicit {@code null} removes the callback or the forward target and
         * is refused for the other fields, which cannot be removed.
         */
        static Fields read(JsonNode body, boolean partial, JsonCodec json) {
            List<FieldProblem> problems = new ArrayList<>();
            unknownFields(body, FIELDS, "", problems);
            if (partial) {
                for (String field :
                        List.of("name", "upstream", "tokenization", "policy_name", "policy_yaml", "assistant")) {
                    if (body.has(field) && body.get(field).isNull()) {
                        problems.add(new FieldProblem(field, "cannot be removed"));
                    }
                }
            }
            Optional<String> name = text(body, "name", "name", problems);
            Optional<String> upstream = text(body, "upstream", "upstream", problems);
            Optional<String> tokenization = text(body, "tokenization", "tokenization", problems);
            Optional<String> policyName = text(body, "policy_name", "policy_name", problems);
            Optional<String> policyYaml = text(body, "policy_yaml", "policy_yaml", problems);
            Optional<AssistantConfig> assistant = Optional.empty();
            if (body.hasNonNull("assistant")) {
                if (body.get("assistant").isObject()) {
                    assistant = Optional.of(AssistantConfig.of(json.toMap(body.get("assistant"))));
                } else {
                    problems.add(new FieldProblem("assistant", "must be an object (a Vapi assistant)"));
                }
            }
            return new Fields(
                    name,
                    upstream,
                    tokenization,
                    policyName,
                    policyYaml,
                    assistant,
                    callback(body, problems),
                    allowedModels(body, problems),
                    forward(body, problems),
                    webhookCredential(body, problems),
                    problems);
        }

        /** The {@code allowed_models} list; {@code null} means none beyond the upstream's model. */
        private static Optional<List<String>> allowedModels(JsonNode body, List<FieldProblem> problems) {
            JsonNode node = body.get("allowed_models");
            if (node == null) {
                return Optional.empty();
            }
            if (node.isNull()) {
                return Optional.of(List.of());
            }
            List<String> models = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(model -> models.add(model.isTextual() ? model.textValue() : null));
            }
            if (!node.isArray() || models.contains(null)) {
                problems.add(new FieldProblem("allowed_models", "must be an array of model names"));
                return Optional.empty();
            }
            return Optional.of(models);
        }

        private static CallbackChange callback(JsonNode body, List<FieldProblem> problems) {
            JsonNode node = body.get("config_callback");
            if (node == null) {
                return new CallbackChange.Keep();
            }
            if (node.isNull()) {
                return new CallbackChange.Remove();
            }
            if (!node.isObject()) {
                problems.add(new FieldProblem("config_callback", "must be an object with url, secret and timeout_ms"));
                return new CallbackChange.Keep();
            }
            unknownFields(node, CALLBACK_FIELDS, "config_callback.", problems);
            Optional<String> url = text(node, "url", "config_callback.url", problems);
            Optional<String> secret = text(node, "secret", "config_callback.secret", problems);
            Optional<Long> timeout = millis(node, "config_callback.timeout_ms", problems);
            return new CallbackChange.Replace(new CallbackFields(url.orElse(null), secret.orElse(null), timeout));
        }

        /** The backend Vapi messages are relayed to: {@code url}, {@code secret}, {@code timeout_ms}, {@code messages}. */
        private static ForwardChange forward(JsonNode body, List<FieldProblem> problems) {
            JsonNode node = body.get("forward");
            if (node == null) {
                return new ForwardChange.Keep();
            }
            if (node.isNull()) {
                return new ForwardChange.Remove();
            }
            if (!node.isObject()) {
                problems.add(
                        new FieldProblem("forward", "must be an object with url, secret, timeout_ms and messages"));
                return new ForwardChange.Keep();
            }
            unknownFields(node, FORWARD_FIELDS, "forward.", problems);
            Optional<String> url = text(node, "url", "forward.url", problems);
            Optional<String> secret = text(node, "secret", "forward.secret", problems);
            Optional<Long> timeout = millis(node, "forward.timeout_ms", problems);
            List<String> messages = new ArrayList<>();
            JsonNode types = node.get("messages");
            if (types != null && !types.isNull()) {
                if (types.isArray()) {
                    types.forEach(type -> messages.add(type.isTextual() ? type.textValue() : null));
                } else {
                    problems.add(new FieldProblem("forward.messages", "must be an array of Vapi message types"));
                }
            }
            return new ForwardChange.Replace(new ForwardFields(
                    url.orElse(null),
                    secret.orElse(null),
                    timeout,
                    messages.stream().map(type -> type == null ? "" : type).toList()));
        }

        /**
         * The agent's own webhook credential: {@code {"type": "hmac", "secret", ...Vapi's HMAC settings}} or
         * {@code {"type": "bearer", "token", "header"}}.
         */
        private static FieldChange<CredentialFields> webhookCredential(JsonNode body, List<FieldProblem> problems) {
            JsonNode node = body.get("webhook_credential");
            if (node == null) {
                return new FieldChange.Keep<>();
            }
            if (node.isNull()) {
                return new FieldChange.Remove<>();
            }
            String field = "webhook_credential";
            if (!node.isObject()) {
                problems.add(new FieldProblem(field, "must be an object with type hmac or bearer"));
                return new FieldChange.Keep<>();
            }
            String type = text(node, "type", field + ".type", problems).orElse(null);
            boolean bearer = "bearer".equals(type);
            unknownFields(node, bearer ? BEARER_FIELDS : HMAC_FIELDS, field + ".", problems);
            Optional<String> secret =
                    text(node, bearer ? "token" : "secret", field + (bearer ? ".token" : ".secret"), problems);
            return new FieldChange.Replace<>(new CredentialFields(
                    type,
                    secret.orElse(null),
                    text(node, "algorithm", field + ".algorithm", problems),
                    text(node, "signature_header", field + ".signature_header", problems),
                    text(node, "signature_prefix", field + ".signature_prefix", problems),
                    bool(node, "include_timestamp", field, problems),
                    text(node, "timestamp_header", field + ".timestamp_header", problems),
                    bool(node, "secret_is_base64", field, problems),
                    text(node, "header", field + ".header", problems)));
        }

        private static Optional<Boolean> bool(
                JsonNode object, String name, String parent, List<FieldProblem> problems) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (!node.isBoolean()) {
                problems.add(new FieldProblem(parent + "." + name, "must be true or false"));
                return Optional.empty();
            }
            return Optional.of(node.booleanValue());
        }

        /** A whole number of milliseconds, or empty when the field is missing or null. */
        private static Optional<Long> millis(JsonNode object, String field, List<FieldProblem> problems) {
            JsonNode node = object.get("timeout_ms");
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (node.canConvertToExactIntegral() && node.canConvertToLong()) {
                return Optional.of(node.longValue());
            }
            problems.add(new FieldProblem(field, "must be a whole number of milliseconds"));
            return Optional.empty();
        }

        private static Optional<String> text(JsonNode object, String key, String field, List<FieldProblem> problems) {
            JsonNode node = object.get(key);
            if (node == null || node.isNull()) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                problems.add(new FieldProblem(field, "must be a string"));
                return Optional.empty();
            }
            return Optional.of(node.textValue());
        }

        private static void unknownFields(
                JsonNode object, Set<String> known, String prefix, List<FieldProblem> problems) {
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
}
