package dev.masker.domain.audit;

/** The kinds of audit event. Their wire names are a contract: add, never rename. */
public enum AuditEventType {
    CALL_STARTED("call_started"),
    CALL_ENDED("call_ended"),
    AGENT_CREATED("agent_created"),
    AGENT_UPDATED("agent_updated"),
    AGENT_DELETED("agent_deleted"),
    ADMIN_SIGNED_IN("admin_signed_in"),
    ADMIN_SIGNED_OUT("admin_signed_out"),
    TURN_PROXIED("turn_proxied"),
    VAULT_PURGED("vault_purged");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
