package dev.masker.application.service;

import dev.masker.application.port.in.GetSessionUseCase;
import dev.masker.application.port.out.ReadSessionsPort;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.session.activity.SessionDetail;
import dev.masker.domain.session.SessionId;
import java.util.Objects;

/** Shows one session from the audit log's record of its turns; any text that is not a known session id is 404. */
public final class GetSessionService implements GetSessionUseCase {
    private final ReadSessionsPort sessions;

    public GetSessionService(ReadSessionsPort sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public SessionDetail get(String sessionIdText) {
        return SessionId.parse(sessionIdText).flatMap(sessions::find)
                .orElseThrow(() -> DomainException.of(ErrorCode.SESSION_NOT_FOUND, "No session has this id."));
    }
}
