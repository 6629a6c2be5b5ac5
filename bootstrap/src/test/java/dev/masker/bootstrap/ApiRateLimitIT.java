package dev.masker.bootstrap;

import static dev.masker.bootstrap.VapiWebhookIT.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The /api/v1 rate limit over real HTTP: per principal (a token and the sessions signed in with it share one
 * allowance), per client address for requests nobody is authenticated for, answered 429 with Retry-After.
 */
class ApiRateLimitIT {
    private static final String OTHER_TOKEN = "second-admin-token-0123456789";
    private static final int BURST = 5;

    @Test
    void givenOnePrincipalOverItsLimit_apiRequests_answerRateLimitedWhileAnotherPrincipalIsServed() {
        try (RunningMasker masker = RunningMasker.start(Map.of(
                "MASKER_ADMIN_TOKEN",
                RunningMasker.ADMIN_TOKEN + "," + OTHER_TOKEN,
                "MASKER_API_RATE_LIMIT_PER_SECOND",
                "1",
                "MASKER_API_RATE_LIMIT_BURST",
                Integer.toString(BURST)))) {
            // Signing in is anonymous: it is charged to the client address, not to the principal.
            String cookie = masker.signIn();

            HttpResponse<String> limited = untilLimited(() -> masker.admin("GET", "/api/v1/auth/me", null));

            assertError(limited, 429, "rate_limited");
            long retryAfter =
                    Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1, "Retry-After in whole seconds, at least one: " + retryAfter);
            assertError(masker.withSession(cookie, "GET", "/api/v1/auth/me", null, false), 429, "rate_limited");
            assertEquals(200, asOther(masker).statusCode(), "another principal keeps its own allowance");

            HttpResponse<String> anonymous = untilLimited(() -> masker.send(
                    HttpRequest.newBuilder(masker.uri("/api/v1/agents/agt_x")).GET()));
            assertError(anonymous, 429, "rate_limited");
            assertTrue(anonymous.headers().firstValue("Retry-After").isPresent());
            assertEquals(
                    200, asOther(masker).statusCode(), "a principal is not charged for its address's anonymous calls");
        }
    }

    private static HttpResponse<String> asOther(RunningMasker masker) {
        return masker.send(HttpRequest.newBuilder(masker.uri("/api/v1/auth/me"))
                .header("Authorization", "Bearer " + OTHER_TOKEN)
                .GET());
    }

    /** Sends until the answer is 429; the bucket refills one a second, so a few more than the burst always get there. */
    private static HttpResponse<String> untilLimited(Supplier<HttpResponse<String>> request) {
        for (int sent = 1; sent <= BURST + 10; sent++) {
            HttpResponse<String> response = request.get();
            if (response.statusCode() == 429) {
                assertTrue(sent >= BURST, "limited after " + sent + " requests, before the burst of " + BURST);
                return response;
            }
        }
        throw new AssertionError("never rate limited");
    }
}
