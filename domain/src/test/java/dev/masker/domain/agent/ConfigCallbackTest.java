package dev.masker.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
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
    @ValueSource(strings = {"/relative/path", "ftp://ops.example.com/cb", "file:///etc/passwd", "mailto:ops@example.com",
        "javascript:alert(1)", "https:///no-host"})
    void givenAUrlThatIsNotAbsoluteHttp_urlProblem_rejectsIt(String url) {
        assertEquals("must be an absolute http or https URL", ConfigCallback.urlProblem(URI.create(url)));
    }

    @Test
    void givenAUrlWithCredentials_urlProblem_rejectsIt() {
        assertEquals("must not carry credentials", ConfigCallback.urlProblem(URI.create("https://user:pw@ops.example.com/cb")));
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
    void givenASecretShorterThan16Characters_constructor_throws() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigCallback(URL, "x".repeat(15), Duration.ofSeconds(1)));
        assertNotNull(new ConfigCallback(URL, "x".repeat(16), Duration.ofSeconds(1)));
    }

    @Test
    void givenATimeoutOver4Seconds_constructor_throws() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigCallback(URL, SECRET, Duration.ofMillis(4001)));
        assertThrows(IllegalArgumentException.class, () -> new ConfigCallback(URL, SECRET, Duration.ZERO));
    }

    @Test
    void givenABadUrl_constructor_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConfigCallback(URI.create("ftp://ops.example.com/cb"), SECRET, Duration.ofSeconds(1)));
    }

    @Test
    void givenACallback_toString_neverShowsTheSecret() {
        String text = new ConfigCallback(URL, SECRET, Duration.ofSeconds(1)).toString();

        assertFalse(text.contains(SECRET));
        assertTrue(text.contains(URL.toString()));
    }
}
