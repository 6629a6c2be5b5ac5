package dev.masker.domain.agent;

import dev.masker.domain.assistant.AssistantConfig;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One voice assistant configured behind Masker: where its turns go and what Vapi is told at the start of a call. */
public final class Agent {
    /** The policy every agent uses until it names another (SPEC §6). */
    public static final String DEFAULT_POLICY = "healthcare-default";

    private final AgentId id;
    private final AgentName name;
    private final Upstream upstream;
    private final Tokenization tokenization;
    private final String policyName;
    private final AssistantConfig assistantDefaults;
    private final ConfigCallback configCallback;
    private final Instant createdAt;
    private final String customPolicyYaml;
    private final ProxyAccess proxyAccess;
    private final ForwardTarget forward;
    private final WebhookCredential webhookCredential;

    private Agent(
            AgentId id,
            AgentName name,
            Upstream upstream,
            Tokenization tokenization,
            String policyName,
            AssistantConfig assistantDefaults,
            ConfigCallback configCallback,
            Instant createdAt,
            String customPolicyYaml,
            ProxyAccess proxyAccess,
            ForwardTarget forward,
            WebhookCredential webhookCredential) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.tokenization = Objects.requireNonNull(tokenization, "tokenization");
        this.policyName = Objects.requireNonNull(policyName, "policyName");
        this.assistantDefaults = Objects.requireNonNull(assistantDefaults, "assistantDefaults");
        this.configCallback = configCallback;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.customPolicyYaml = customPolicyYaml;
        this.proxyAccess = Objects.requireNonNull(proxyAccess, "proxyAccess");
        this.forward = forward;
        this.webhookCredential = webhookCredential;
    }

    /** A new agent, created now, with a fresh proxy key and no models allowed beyond its upstream's. */
    public static Agent create(
            AgentId id,
            AgentName name,
            Upstream upstream,
            Tokenization tokenization,
            String policyName,
            AssistantConfig assistantDefaults,
            Optional<ConfigCallback> configCallback,
            Instant now) {
        return new Agent(
                id,
                name,
                upstream,
                tokenization,
                policyName,
                assistantDefaults,
                configCallback.orElse(null),
                now,
                null,
                new ProxyAccess(Optional.of(ProxyKey.generate()), List.of()),
                null,
                null);
    }

    /**
     * An agent as it was stored (with a named policy and no proxy access; {@link #withPolicy} and
     * {@link #withProxyAccess} restore those).
     */
    public static Agent restore(
            AgentId id,
            AgentName name,
            Upstream upstream,
            Tokenization tokenization,
            String policyName,
            AssistantConfig assistantDefaults,
            Optional<ConfigCallback> configCallback,
            Instant createdAt) {
        return new Agent(
                id,
                name,
                upstream,
                tokenization,
                policyName,
                assistantDefaults,
                configCallback.orElse(null),
                createdAt,
                null,
                ProxyAccess.NONE,
                null,
                null);
    }

    /** This agent with new settings: same id and creation time. */
    public Agent revised(
            AgentName name,
            Upstream upstream,
            Tokenization tokenization,
            String policyName,
            AssistantConfig assistantDefaults,
            Optional<ConfigCallback> configCallback) {
        return new Agent(
                id,
                name,
                upstream,
                tokenization,
                policyName,
                assistantDefaults,
                configCallback.orElse(null),
                createdAt,
                customPolicyYaml,
                proxyAccess,
                forward,
                webhookCredential);
    }

    /**
     * This agent with another policy: a named one ({@code customPolicyYaml} empty), or its own, whose YAML is kept with
     * the agent and whose name is {@code policyName}.
     */
    public Agent withPolicy(String policyName, Optional<String> customPolicyYaml) {
        return new Agent(
                id,
                name,
                upstream,
                tokenization,
                policyName,
                assistantDefaults,
                configCallback,
                createdAt,
                customPolicyYaml.orElse(null),
                proxyAccess,
                forward,
                webhookCredential);
    }

    /** This agent with another proxy key and list of extra models its proxy callers may ask for. */
    public Agent withProxyAccess(ProxyAccess access) {
        return new Agent(
                id,
                name,
                upstream,
                tokenization,
                policyName,
                assistantDefaults,
                configCallback,
                createdAt,
                customPolicyYaml,
                access,
                forward,
                webhookCredential);
    }

    /** This agent with another backend its Vapi messages are relayed to, or none. */
    public Agent withForward(Optional<ForwardTarget> target) {
        return new Agent(
                id,
                name,
                upstream,
                tokenization,
                policyName,
                assistantDefaults,
                configCallback,
                createdAt,
                customPolicyYaml,
                proxyAccess,
                target.orElse(null),
                webhookCredential);
    }

    /** This agent with its own webhook credential, or none (the deployment's then applies). */
    public Agent withWebhookCredential(Optional<WebhookCredential> credential) {
        return new Agent(
                id,
                name,
                upstream,
                tokenization,
                policyName,
                assistantDefaults,
                configCallback,
                createdAt,
                customPolicyYaml,
                proxyAccess,
                forward,
                credential.orElse(null));
    }

    /** The credential Vapi's deliveries for this agent must carry, when the agent has its own. */
    public Optional<WebhookCredential> webhookCredential() {
        return Optional.ofNullable(webhookCredential);
    }

    /** The clinic's backend that the agent's Vapi messages needing an answer are relayed to, if it has one. */
    public Optional<ForwardTarget> forward() {
        return Optional.ofNullable(forward);
    }

    /** Who may call the agent's proxy and with which models. */
    public ProxyAccess proxyAccess() {
        return proxyAccess;
    }

    /**
     * Whether a proxy request may name the model (SPEC §7): the upstream's own model, or one listed in
     * {@code allowed_models}.
     */
    public boolean allowsModel(String model) {
        return upstream.model().equals(model) || proxyAccess.allowedModels().contains(model);
    }

    /** The YAML of the agent's own policy, if it has one rather than a named one. */
    public Optional<String> customPolicyYaml() {
        return Optional.ofNullable(customPolicyYaml);
    }

    public AgentId id() {
        return id;
    }

    public AgentName name() {
        return name;
    }

    public Upstream upstream() {
        return upstream;
    }

    public Tokenization tokenization() {
        return tokenization;
    }

    public String policyName() {
        return policyName;
    }

    /** The Vapi assistant object this agent answers with when no callback overrides it. */
    public AssistantConfig assistantDefaults() {
        return assistantDefaults;
    }

    public Optional<ConfigCallback> configCallback() {
        return Optional.ofNullable(configCallback);
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Agent[" + id + "]";
    }
}
