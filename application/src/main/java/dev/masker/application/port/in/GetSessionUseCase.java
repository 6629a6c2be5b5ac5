package dev.masker.application.port.in;

import dev.masker.domain.session.activity.SessionDetail;

/** Shows one session with its turns (SPEC §8). */
public interface GetSessionUseCase {
    /**
     * The session the id names.
     *
     * @throws dev.masker.domain.error.DomainException with {@code session_not_found} when the text is not a session id
     *         or names none
     */
    SessionDetail get(GetSessionQuery query);
}
