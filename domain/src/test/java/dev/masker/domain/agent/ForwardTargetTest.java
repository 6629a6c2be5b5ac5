package dev.masker.domain.agent;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ForwardTargetTest {
    private static final URI URL = URI.create("https://clinic.example.com/vapi/tools");
    private static final String SECRET = "fw_secret_0123456789";

    @Test
    void givenValidFields_constructor_keepsThem() {
        ForwardTarget target = new ForwardTarget(URL, SECRET, ForwardTarget.DEFAULT_TIMEOUT, Set.of("status-update"));

        assertEquals(URL, target.url());
        assertTrue(target.relays("status-update"));
    }

    @Test
    void givenABadUrlAndAShortSecret_constructor_namesBothWithoutShowingThem() {
        URI url = URI.create("ftp://clinic.example.com/tools?patient=jane-roe");

        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED,
                () -> new ForwardTarget(url, "short", ForwardTarget.DEFAULT_TIMEOUT, Set.of()),
                url.toString(),
                "jane-roe");

        assertEquals(List.of("forward.url", "forward.secret"), fields(thrown));
    }

    @Test
    void givenATimeoutOver20Seconds_constructor_refusesItAsValidationFailed() {
        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED, () -> new ForwardTarget(URL, SECRET, Duration.ofMillis(20_001), Set.of()));

        assertEquals(List.of("forward.timeout_ms"), fields(thrown));
    }

    @Test
    void givenAMessageTypeThatIsNotOne_constructor_refusesItWithoutShowingIt() {
        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED,
                () -> new ForwardTarget(URL, SECRET, ForwardTarget.DEFAULT_TIMEOUT, Set.of("Jane Roe")),
                "Jane Roe");

        assertEquals(List.of("forward.messages"), fields(thrown));
    }

    @Test
    void givenMoreThan40MessageTypes_constructor_refusesThem() {
        Set<String> types =
                Set.copyOf(IntStream.range(0, 41).mapToObj(i -> "type-" + i).toList());

        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED,
                () -> new ForwardTarget(URL, SECRET, ForwardTarget.DEFAULT_TIMEOUT, types));

        assertEquals(List.of("forward.messages"), fields(thrown));
    }

    private static List<String> fields(DomainException thrown) {
        return thrown.details().stream().map(FieldProblem::field).toList();
    }
}
