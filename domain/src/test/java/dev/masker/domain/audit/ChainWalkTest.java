package dev.masker.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The chain rule applied event by event: each way of breaking a chain is found at the right event. */
class ChainWalkTest {
    private static final List<ChainLink> CHAIN = chain(5);

    @Test
    void givenAnIntactChain_next_acceptsEveryEventAndTheLastIsTheHead() {
        ChainWalk walk = walk(CHAIN);

        assertEquals(new ChainVerification.Intact(5, CHAIN.get(4).hash()), walk.intact());
        assertEquals(walk.intact(), walk.endAt(new ChainPosition(5, CHAIN.get(4).hash())));
    }

    @Test
    void givenAnEditedBody_next_breaksAtThatEvent() {
        List<ChainLink> links = new ArrayList<>(CHAIN);
        ChainLink third = links.get(2);
        links.set(
                2,
                new ChainLink(
                        3, third.previousHash(), third.hash(), third.body().replace("event 3", "event 9")));

        assertEquals(
                new ChainVerification.Broken(3, "the body does not hash to the stored hash", 2, Optional.empty()),
                firstBreak(ChainWalk.fromGenesis(), links));
    }

    @Test
    void givenARemovedEvent_next_breaksWhereItWas() {
        List<ChainLink> links = new ArrayList<>(CHAIN);
        links.remove(2);

        assertEquals(
                new ChainVerification.Broken(3, "event 3 is missing: event 4 follows event 2", 2, Optional.empty()),
                firstBreak(ChainWalk.fromGenesis(), links));
    }

    @Test
    void givenTwoEventsSwapped_next_breaksAtTheFirstOfThem() {
        List<ChainLink> links = new ArrayList<>(CHAIN);
        links.set(1, CHAIN.get(2));
        links.set(2, CHAIN.get(1));

        assertEquals(
                new ChainVerification.Broken(2, "event 2 is missing: event 3 follows event 1", 1, Optional.empty()),
                firstBreak(ChainWalk.fromGenesis(), links));
    }

    @Test
    void givenARepeatedEvent_next_breaksAfterItsFirstCopy() {
        List<ChainLink> links = new ArrayList<>(CHAIN);
        links.add(2, CHAIN.get(1));

        assertEquals(
                new ChainVerification.Broken(3, "event 2 is out of place: it follows event 2", 2, Optional.empty()),
                firstBreak(ChainWalk.fromGenesis(), links));
    }

    @Test
    void givenARemovedEventWithTheRestRenumberedAndRehashed_next_breaksOnItsLinkage() {
        ChainLink fourth = CHAIN.get(3);
        List<ChainLink> links = List.of(
                CHAIN.get(0), CHAIN.get(1), new ChainLink(3, fourth.previousHash(), fourth.hash(), fourth.body()));

        assertEquals(
                new ChainVerification.Broken(3, "prev_hash is not the previous event's hash", 2, Optional.empty()),
                firstBreak(ChainWalk.fromGenesis(), links));
    }

    @Test
    void givenAPartStartingMidChain_after_takesItsFirstPrevHashAsGiven() {
        ChainWalk walk = walk(ChainWalk.after(new ChainPosition(2, CHAIN.get(2).previousHash())), CHAIN.subList(2, 5));

        assertEquals(
                new ChainVerification.Intact(
                        3, new ChainPosition(5, CHAIN.get(4).hash())),
                walk.intact());
        assertEquals(new ChainPosition(2, CHAIN.get(1).hash()), walk.start());
    }

    @Test
    void givenAHeadAheadOfTheLastEvent_endAt_breaksAfterTheLastEvent() {
        ChainPosition head = new ChainPosition(6, CHAIN.get(4).hash());

        assertEquals(
                new ChainVerification.Broken(
                        6, "the chain head names event 6 but the log ends at event 5", 5, Optional.of(head)),
                walk(CHAIN).endAt(head));
    }

    @Test
    void givenAHeadBehindTheLastEvent_endAt_breaksAtTheEventAfterTheHead() {
        ChainPosition head = new ChainPosition(3, CHAIN.get(2).hash());

        assertEquals(3, ((ChainVerification.Broken) walk(CHAIN).endAt(head)).atSequence());
    }

    @Test
    void givenAHeadWithAnotherHash_endAt_breaksAtTheHead() {
        ChainPosition head = new ChainPosition(5, CHAIN.get(3).hash());

        assertEquals(
                new ChainVerification.Broken(
                        5, "the chain head's hash is not the last event's hash", 5, Optional.of(head)),
                walk(CHAIN).endAt(head));
    }

    private static ChainWalk walk(List<ChainLink> links) {
        return walk(ChainWalk.fromGenesis(), links);
    }

    private static ChainWalk walk(ChainWalk walk, List<ChainLink> links) {
        links.forEach(link -> assertEquals(Optional.empty(), walk.next(link), "event " + link.sequence()));
        return walk;
    }

    private static ChainVerification.Broken firstBreak(ChainWalk walk, List<ChainLink> links) {
        return links.stream()
                .map(walk::next)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no break found"));
    }

    private static List<ChainLink> chain(int events) {
        List<ChainLink> links = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (int seq = 1; seq <= events; seq++) {
            String body = "{\"seq\":" + seq + ",\"type\":\"event " + seq + "\"}";
            String hash = ChainHash.of(previous, body);
            links.add(new ChainLink(seq, previous, hash, body));
            previous = hash;
        }
        return List.copyOf(links);
    }
}
