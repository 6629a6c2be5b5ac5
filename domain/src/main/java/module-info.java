/** Masker's domain: agents, Vapi calls, assistant configurations, admins, audit events and error codes, in pure Java. */
module dev.masker.domain {
    exports dev.masker.domain.error;
    exports dev.masker.domain.id;
    exports dev.masker.domain.agent;
    exports dev.masker.domain.assistant;
    exports dev.masker.domain.vapi;
    exports dev.masker.domain.audit;
    exports dev.masker.domain.ratelimit;
    exports dev.masker.domain.page;
    exports dev.masker.domain.phi;
    exports dev.masker.domain.phi.detect;
    exports dev.masker.domain.policy;
    exports dev.masker.domain.session;
    exports dev.masker.domain.session.activity;
    exports dev.masker.domain.report;
    exports dev.masker.domain.chat;
    exports dev.masker.domain.admin;
}
