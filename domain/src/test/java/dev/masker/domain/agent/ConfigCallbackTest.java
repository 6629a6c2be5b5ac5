package dev.masker.domain.agent;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigCallbackTest {
    private static final URI URL = URI.create("https://ops.example.com/masker/config");
    private static final String SECRET = "cb_secret_0123456789";

    @Test
    void givenAnHttpsUrlALongSecretAndTheDefaultTimeout_constructor_keepsThem() {
        ConfigCallback callback = new ConfigCallback(URL, SECRET, ConfigCallback.DEFAULT_TIMEOUT);

        assertEquals(URL, callback.url());
        assertEquals(Duration.ofMillis(1500), callback.timeout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://ops.example.com/cb", "http://localhost:8080/cb", "https://10.0.0.5/cb?tenant=a"})
    void givenAnAbsoluteHttpOrHttpsUrl_urlProblem_findsNone(String url) {
        assertNull(ConfigCallback.urlProblem(URI.create(url)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/relative/path",
                "ftp://ops.example.com/cb",
                "file:///etc/passwd",
                "mailto:ops@example.com",
                "javascript:alert(1)",
                "https:///no-host"
            })
    void givenAUrlThatIsNotAbsoluteHttp_urlProblem_rejectsIt(String url) {
        assertEquals("must be an absolute http or https URL", ConfigCallback.urlProblem(URI.create(url)));
    }

    @Test
    void givenAUrlWithCredentials_urlProblem_rejectsIt() {
        assertEquals(
                "must not carry credentials",
                ConfigCallback.urlProblem(URI.create("https://user:pw@ops.example.com/cb")));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 1500, 4000})
    void givenATimeoutFrom1To4000Ms_timeoutProblem_findsNone(long millis) {
        assertNull(ConfigCallback.timeoutProblem(millis));
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1, 0, 4001, Long.MAX_VALUE})
    void givenATimeoutOutside1To4000Ms_timeoutProblem_rejectsIt(long millis) {
        assertEquals("must be between 1 and 4000", ConfigCallback.timeoutProblem(millis));
    }

    @Test
    void givenASecretShorterThan16Characters_constructor_refusesItAsValidationFailedWithoutShowingIt() {
        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED,
                () -> new ConfigCallback(URL, "short_secret_15", Duration.ofSeconds(1)),
                "short_secret_15");

        assertEquals(List.of("config_callback.secret"), fields(thrown));
        assertNotNull(new ConfigCallback(URL, "x".repeat(16), Duration.ofSeconds(1)));
    }

    @Test
    void givenATimeoutOver4Seconds_constructor_refusesItAsValidationFailed() {
        DomainException tooLong = assertRefused(
                ErrorCode.VALIDATION_FAILED, () -> new ConfigCallback(URL, SECRET, Duration.ofMillis(4001)));
        assertRefused(ErrorCode.VALIDATION_FAILED, () -> new ConfigCallback(URL, SECRET, Duration.ZERO));

        assertEquals(List.of("config_callback.timeout_ms"), fields(tooLong));
    }

    @Test
    void givenABadUrl_constructor_refusesItWithoutShowingTheUrl() {
        // A callback URL may carry a patient's details in its path or query.
        URI url = URI.create("ftp://ops.example.com/cb?patient=jane-roe");

        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED,
                () -> new ConfigCallback(url, SECRET, Duration.ofSeconds(1)),
                url.toString(),
                "jane-roe",
                SECRET);

        assertEquals(List.of("config_callback.url"), fields(thrown));
    }

    @Test
    void givenEveryFieldWrong_constructor_namesEachOfThem() {
        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED, () -> new ConfigCallback(URI.create("/relative"), "", Duration.ZERO));

        assertEquals(
                List.of("config_callback.url", "config_callback.secret", "config_callback.timeout_ms"), fields(thrown));
    }

    @Test
    void givenACallback_toString_neverShowsTheSecret() {
        String text = new ConfigCallback(URL, SECRET, Duration.ofSeconds(1)).toString();

        assertFalse(text.contains(SECRET));
        assertTrue(text.contains(URL.toString()));
    }

    private static List<String> fields(DomainException thrown) {
        return thrown.details().stream().map(FieldProblem::field).toList();
    }
}
