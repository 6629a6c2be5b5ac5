package dev.masker.application.service;

import dev.masker.application.port.in.GetSessionQuery;
import dev.masker.application.port.in.GetSessionUseCase;
import dev.masker.application.port.out.KeepTurnPayloadsPort;
import dev.masker.application.port.out.ReadSessionsPort;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.session.SessionId;
import dev.masker.domain.session.activity.SessionDetail;
import java.util.Map;
import java.util.Objects;

/**
 * Shows one session from the audit log's record of its turns, with the payloads its turns kept when their policy said
 * {@code log_payloads: true}; any text that is not a known session id is 404.
 */
public final class GetSessionService implements GetSessionUseCase {
    private final ReadSessionsPort sessions;
    private final KeepTurnPayloadsPort payloads;

    public GetSessionService(ReadSessionsPort sessions, KeepTurnPayloadsPort payloads) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
    }

    @Override
    public SessionDetail get(GetSessionQuery query) {
        SessionId id = SessionId.parse(query.sessionIdText()).orElseThrow(GetSessionService::notFound);
        SessionDetail detail = sessions.find(id).orElseThrow(GetSessionService::notFound);
        Map<String, Map<String, Object>> kept = payloads.ofSession(id);
        return kept.isEmpty() ? detail : detail.withPayloads(kept);
    }

    private static DomainException notFound() {
        return DomainException.of(ErrorCode.SESSION_NOT_FOUND, "No session has this id.");
    }
}
