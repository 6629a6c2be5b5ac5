package dev.masker.adapters.persistence.policy;

import dev.masker.application.port.out.ReadPolicyPort;
import dev.masker.domain.agent.Tokenization;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.phi.Kid;
import dev.masker.domain.phi.PhiKind;
import dev.masker.domain.policy.EntityRule;
import dev.masker.domain.policy.Policy;
import dev.masker.domain.policy.PolicyAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads a policy from YAML (SPEC §6). The text is composed to nodes only — never to objects, so no tags construct
 * anything — and is bounded: at most {@link #MAX_CHARS} characters, {@link #MAX_DEPTH} levels of nesting, and no anchors
 * or aliases at all (YAML bombs). Every problem names the key at fault with its line and column; no value is echoed.
 */
public final class YamlPolicyAdapter implements ReadPolicyPort {
    /** The largest policy text read, in characters. */
    public static final int MAX_CHARS = 16 * 1024;
    /** The deepest nesting read: the policy itself needs three levels. */
    public static final int MAX_DEPTH = 8;
    /** The built-in policies, shipped as resources next to this class. */
    public static final List<String> BUILT_IN = List.of("healthcare-default");

    private static final Set<String> TOP = Set.of("name", "version", "kid", "tokenization", "entities", "log_payloads");
    private static final Set<String> RULE = Set.of("enabled", "action");
    private static final Pattern SHOWN_KEY = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,9}");

    /** The built-in policies, by name. */
    public Map<String, Policy> builtIns() {
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (String name : BUILT_IN) {
            Policy policy = read(resource(name + ".yaml"));
            if (!policy.name().equals(name)) {
                throw new IllegalStateException("built-in policy " + name + " names itself " + policy.name());
            }
            policies.put(name, policy);
        }
        return Map.copyOf(policies);
    }

    @Override
    public Policy read(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw invalid("policy_yaml", "must be a non-empty YAML document");
        }
        if (yaml.length() > MAX_CHARS) {
            throw invalid("policy_yaml", "must be at most " + MAX_CHARS + " characters");
        }
        if (flowDepth(yaml) > MAX_DEPTH) {
            throw invalid("policy_yaml", "must nest at most " + MAX_DEPTH + " levels");
        }
        Node root;
        try {
            LoadSettings settings = settings();
            root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)))
                    .getSingleNode()
                    .orElse(null);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            throw invalid("policy_yaml", mark.map(YamlPolicyAdapter::at).orElse("") + "is not well-formed YAML");
        } catch (YamlEngineException | StackOverflowError e) {
            // The parser's message may quote the text; it is not passed on.
            throw invalid(
                    "policy_yaml",
                    "is not a YAML document this reader accepts (anchors, aliases and tags are refused)");
        }
        if (root == null) {
            throw invalid("policy_yaml", "must be a non-empty YAML document");
        }
        List<FieldProblem> problems = new ArrayList<>();
        refuseAnchors(root, "", 0, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalidPolicy(problems);
        }
        return policy(root, problems);
    }

    private static Policy policy(Node root, List<FieldProblem> problems) {
        if (!(root instanceof MappingNode top)) {
            throw invalid(
                    "policy_yaml", at(root) + "must be a mapping with name, version, kid, tokenization and entities");
        }
        Map<String, Node> fields = fields(top, "", TOP, problems);
        String name = scalar(fields, "name", root, problems)
                .filter(text -> check(Policy.nameProblem(text), "name", fields.get("name"), problems))
                .orElse(null);
        Integer version = scalar(fields, "version", root, problems)
                .map(text -> {
                    String problem = WHOLE.matcher(text).matches()
                            ? Policy.versionProblem(Long.parseLong(text))
                            : Policy.versionProblem(0);
                    return check(problem, "version", fields.get("version"), problems) ? Integer.valueOf(text) : null;
                })
                .orElse(null);
        Kid kid = scalar(fields, "kid", root, problems)
                .filter(text -> check(
                        Kid.isValid(text) ? null : "must be K_ followed by 1 to 30 upper-case letters or digits",
                        "kid",
                        fields.get("kid"),
                        problems))
                .map(Kid::new)
                .orElse(null);
        Tokenization tokenization = scalar(fields, "tokenization", root, problems)
                .flatMap(text -> {
                    Optional<Tokenization> parsed = Tokenization.parse(text);
                    check(
                            parsed.isPresent() ? null : "must be vault-deterministic or reversible-aead",
                            "tokenization",
                            fields.get("tokenization"),
                            problems);
                    return parsed;
                })
                .orElse(null);
        Map<PhiKind, EntityRule> entities = entities(fields.get("entities"), problems);
        boolean logPayloads = logPayloads(fields.get("log_payloads"), problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalidPolicy(problems);
        }
        return new Policy(name, version, kid, tokenization, entities, logPayloads);
    }

    /** {@code log_payloads}: optional, {@code true} or {@code false}; off when absent. */
    private static boolean logPayloads(Node node, List<FieldProblem> problems) {
        if (node == null) {
            return false;
        }
        if (node instanceof ScalarNode scalar
                && ("true".equals(scalar.getValue()) || "false".equals(scalar.getValue()))) {
            return "true".equals(scalar.getValue());
        }
        problems.add(problem("log_payloads", node, "must be true or false"));
        return false;
    }

    private static Map<PhiKind, EntityRule> entities(Node node, List<FieldProblem> problems) {
        Map<PhiKind, EntityRule> entities = new EnumMap<>(PhiKind.class);
        if (node == null) {
            return entities;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(problem("entities", node, "must be a mapping from PHI kind to {enabled, action}"));
            return entities;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = key(tuple.getKeyNode());
            Optional<PhiKind> kind = PhiKind.parse(key);
            if (kind.isEmpty()) {
                problems.add(problem(path("entities", key), tuple.getKeyNode(), "is not a PHI kind (SPEC §6)"));
                continue;
            }
            String path = "entities." + kind.get().name();
            if (!(tuple.getValueNode() instanceof MappingNode rule)) {
                problems.add(problem(path, tuple.getValueNode(), "must be a mapping with enabled and action"));
                continue;
            }
            Map<String, Node> fields = fields(rule, path + ".", RULE, problems);
            Boolean enabled = null;
            Node enabledNode = fields.get("enabled");
            if (enabledNode == null) {
                enabled = Boolean.TRUE;
            } else if (enabledNode instanceof ScalarNode scalar
                    && Set.of("true", "false").contains(scalar.getValue())) {
                enabled = Boolean.valueOf(scalar.getValue());
            } else {
                problems.add(problem(path + ".enabled", enabledNode, "must be true or false"));
            }
            PolicyAction action = PolicyAction.TOKENIZE;
            Node actionNode = fields.get("action");
            if (actionNode != null) {
                Optional<PolicyAction> parsed = actionNode instanceof ScalarNode scalar
                        ? PolicyAction.parse(scalar.getValue())
                        : Optional.empty();
                if (parsed.isEmpty()) {
                    problems.add(problem(path + ".action", actionNode, "must be tokenize, redact or pass"));
                } else {
                    action = parsed.get();
                }
            }
            if (enabled != null && !entities.containsKey(kind.get())) {
                entities.put(kind.get(), new EntityRule(enabled, action));
            }
        }
        return entities;
    }

    private static Map<String, Node> fields(
            MappingNode mapping, String prefix, Set<String> known, List<FieldProblem> problems) {
        Map<String, Node> fields = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = key(tuple.getKeyNode());
            if (key == null || !known.contains(key)) {
                String parent = prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
                problems.add(problem(
                        path(parent, key),
                        tuple.getKeyNode(),
                        "is not a known key; known: " + String.join(", ", sorted(known))));
            } else {
                fields.put(key, tuple.getValueNode());
            }
        }
        return fields;
    }

    private static Optional<String> scalar(
            Map<String, Node> fields, String field, Node parent, List<FieldProblem> problems) {
        Node node = fields.get(field);
        if (node == null) {
            problems.add(problem(field, parent, "is required"));
            return Optional.empty();
        }
        if (!(node instanceof ScalarNode scalar)) {
            problems.add(problem(field, node, "must be a single value"));
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    private static boolean check(String problem, String field, Node node, List<FieldProblem> problems) {
        if (problem != null) {
            problems.add(problem(field, node, problem));
        }
        return problem == null;
    }

    private static void refuseAnchors(Node node, String path, int depth, List<FieldProblem> problems) {
        if (depth > MAX_DEPTH) {
            problems.add(problem("policy_yaml", node, "must nest at most " + MAX_DEPTH + " levels"));
            return;
        }
        if (node.getAnchor().isPresent()) {
            problems.add(problem(path.isEmpty() ? "policy_yaml" : path, node, "anchors and aliases are not allowed"));
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String child = path(path.isEmpty() ? null : path, key(tuple.getKeyNode()));
                refuseAnchors(tuple.getKeyNode(), child, depth + 1, problems);
                refuseAnchors(tuple.getValueNode(), child, depth + 1, problems);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                refuseAnchors(item, path, depth + 1, problems);
            }
        }
    }

    /** The deepest nesting of flow brackets: bounded before the recursive composer sees the text. */
    private static int flowDepth(String yaml) {
        int depth = 0;
        int deepest = 0;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if (c == '[' || c == '{') {
                deepest = Math.max(deepest, ++depth);
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return deepest;
    }

    private static LoadSettings settings() {
        return LoadSettings.builder()
                .setLabel("policy_yaml")
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(0)
                .setAllowNonScalarKeys(false)
                .setCodePointLimit(MAX_CHARS)
                .setUseMarks(true)
                .build();
    }

    private static String key(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    /** The path to a key, showing the key only when it looks like one (a pasted value is not echoed). */
    private static String path(String parent, String key) {
        String shown = key != null && SHOWN_KEY.matcher(key).matches() ? key : "<key>";
        return parent == null ? shown : parent + "." + shown;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static FieldProblem problem(String field, Node node, String problem) {
        return new FieldProblem(field, at(node) + problem);
    }

    private static String at(Node node) {
        return node.getStartMark().map(YamlPolicyAdapter::at).orElse("");
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
    }

    private static DomainException invalid(String field, String problem) {
        return DomainException.invalidPolicy(List.of(new FieldProblem(field, problem)));
    }

    private static String resource(String file) {
        try (InputStream in = YamlPolicyAdapter.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("built-in policy resource missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kids the given policies name, each once. */
    public static Set<Kid> kids(Map<String, Policy> policies) {
        Set<Kid> kids = new HashSet<>();
        policies.values().forEach(policy -> kids.add(policy.kid()));
        return Set.copyOf(kids);
    }
}
