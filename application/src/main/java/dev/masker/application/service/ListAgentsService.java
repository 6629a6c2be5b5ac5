package dev.masker.application.service;

import dev.masker.application.port.in.AgentPage;
import dev.masker.application.port.in.ListAgentsQuery;
import dev.masker.application.port.in.ListAgentsUseCase;
import dev.masker.application.port.out.ListAgentsPort;
import dev.masker.application.port.out.ListAgentsPort.Listing;
import dev.masker.application.port.out.ListAgentsPort.Position;
import dev.masker.domain.agent.Agent;
import dev.masker.domain.agent.AgentId;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.FieldProblem;
import dev.masker.domain.page.PageCursors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pages through live agents newest first with a keyset cursor (creation time and id, signed), so agents created while
 * a client pages never make it skip or repeat one.
 */
public final class ListAgentsService implements ListAgentsUseCase {
    private static final int MAX_NAME_CONTAINS = 64;

    private final ListAgentsPort agents;
    private final PageCursors cursors;

    public ListAgentsService(ListAgentsPort agents, PageCursors cursors) {
        this.agents = Objects.requireNonNull(agents, "agents");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    @Override
    public AgentPage list(ListAgentsQuery query) {
        List<FieldProblem> problems = new ArrayList<>();
        int limit = Paging.limit(query.limit(), problems);
        Optional<Position> after = query.cursor().flatMap(cursor -> {
            Optional<Position> position = cursors.decode(cursor).flatMap(ListAgentsService::position);
            if (position.isEmpty()) {
                problems.add(new FieldProblem("cursor", "is not a cursor this server gave out"));
            }
            return position;
        });
        Optional<String> nameContains = query.nameContains().filter(text -> !text.isEmpty());
        if (nameContains.filter(text -> text.length() > MAX_NAME_CONTAINS).isPresent()) {
            problems.add(new FieldProblem("name_contains", "must be at most " + MAX_NAME_CONTAINS + " characters"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
        // One more than asked tells whether a next page exists.
        List<Agent> found = agents.list(new Listing(limit + 1, after, nameContains));
        if (found.size() <= limit) {
            return new AgentPage(found, Optional.empty());
        }
        List<Agent> page = found.subList(0, limit);
        Agent last = page.get(limit - 1);
        return new AgentPage(page, Optional.of(cursors.encode(position(last))));
    }

    private static String position(Agent agent) {
        return Paging.position("agents", agent.createdAt(), agent.id().value());
    }

    private static Optional<Position> position(String text) {
        return Paging.keyset("agents", text)
                .flatMap(keyset -> AgentId.parse(keyset.id()).map(id -> new Position(keyset.at(), id)));
    }
}
