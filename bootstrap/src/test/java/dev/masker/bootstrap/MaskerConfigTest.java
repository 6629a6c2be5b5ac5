package dev.masker.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.adapters.http.vapi.DeploymentCredentials;
import dev.masker.domain.agent.WebhookCredential.Algorithm;
import dev.masker.domain.phi.KeyRing;
import dev.masker.domain.phi.Kid;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading and checking the environment: defaults, every problem at once, each naming what to set. */
class MaskerConfigTest {
    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("MASKER_VAPI_WEBHOOK_SECRET", "whsec_a, whsec_b");
        env.put("MASKER_ADMIN_TOKEN", "admin-token-0123456789");
        return env;
    }

    @Test
    void givenOnlyTheSecrets_from_takesTheDocumentedDefaults() {
        MaskerConfig config = MaskerConfig.from(minimal());

        assertEquals("127.0.0.1", config.server().host());
        assertEquals(8080, config.server().port());
        assertEquals("http://localhost:8080", config.server().publicUrl().toString());
        assertEquals(
                DeploymentCredentials.of(List.of("whsec_a", "whsec_b"), false),
                config.credentials().webhook());
        assertEquals(Duration.ofSeconds(300), config.credentials().signatureTolerance());
        assertTrue(config.database().external().isEmpty());
        assertEquals("masker", config.database().schema());
        assertEquals(1_048_576, config.limits().maxBodyBytes());
        assertEquals(100, config.limits().webhook().perSecond());
        assertEquals(200, config.limits().webhook().burst());
        assertEquals(30, config.limits().api().perSecond());
        assertEquals(60, config.limits().api().burst());
    }

    @Test
    void givenVapiCredentialSettings_from_readsThemIntoTheDeploymentsCredentials() {
        Map<String, String> env = minimal();
        env.put("MASKER_VAPI_WEBHOOK_SECRET", "c2VjcmV0LWJ5dGVzLWZvci1obWFj");
        env.put("MASKER_VAPI_SECRET_IS_BASE64", "true");
        env.put("MASKER_VAPI_HMAC_ALGORITHM", "SHA512");
        env.put("MASKER_VAPI_SIGNATURE_HEADER", "X-Clinic-Signature");
        env.put("MASKER_VAPI_TIMESTAMP_HEADER", "X-Clinic-Time");
        env.put("MASKER_VAPI_SIGNATURE_PREFIX", "v1=");
        env.put("MASKER_VAPI_ACCEPT_PLAIN_SECRET", "true");
        env.put("MASKER_VAPI_TOKEN_HEADER", "X-Vapi-Token");

        DeploymentCredentials credentials = MaskerConfig.from(env).credentials().webhook();

        assertEquals(
                new DeploymentCredentials(
                        List.of("c2VjcmV0LWJ5dGVzLWZvci1obWFj"),
                        true,
                        Algorithm.SHA512,
                        "X-Clinic-Signature",
                        "X-Clinic-Time",
                        Optional.of("v1="),
                        true,
                        Optional.of("X-Vapi-Token")),
                credentials);
    }

    @Test
    void givenBadVapiCredentialSettings_from_namesEachVariable() {
        Map<String, String> env = minimal();
        env.put("MASKER_VAPI_SECRET_IS_BASE64", "true");
        env.put("MASKER_VAPI_HMAC_ALGORITHM", "md5");
        env.put("MASKER_VAPI_SIGNATURE_HEADER", "X Signature");
        env.put("MASKER_VAPI_TIMESTAMP_HEADER", "");
        env.put("MASKER_VAPI_TOKEN_HEADER", "X-Vapi-Token");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        for (String variable : List.of(
                "MASKER_VAPI_WEBHOOK_SECRET must be base64",
                "MASKER_VAPI_HMAC_ALGORITHM",
                "MASKER_VAPI_SIGNATURE_HEADER",
                "MASKER_VAPI_TOKEN_HEADER is set but MASKER_VAPI_ACCEPT_PLAIN_SECRET")) {
            assertTrue(e.getMessage().contains(variable), variable + " in " + e.getMessage());
        }
        assertFalse(e.getMessage().contains("whsec_a"), "no secret in the message");
    }

    @Test
    void givenApiRateLimits_from_readsThemAndRefusesNonPositiveOnes() {
        Map<String, String> env = minimal();
        env.put("MASKER_API_RATE_LIMIT_PER_SECOND", "5");
        env.put("MASKER_API_RATE_LIMIT_BURST", "12");
        MaskerConfig config = MaskerConfig.from(env);
        env.put("MASKER_API_RATE_LIMIT_PER_SECOND", "0");
        env.put("MASKER_API_RATE_LIMIT_BURST", "lots");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        assertEquals(5, config.limits().api().perSecond());
        assertEquals(12, config.limits().api().burst());
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("MASKER_API_RATE_LIMIT_PER_SECOND"));
        assertTrue(e.getMessage().contains("MASKER_API_RATE_LIMIT_BURST"));
    }

    @Test
    void givenNothing_from_namesEveryMissingVariable() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(Map.of()));

        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("MASKER_VAPI_WEBHOOK_SECRET"));
        assertTrue(e.getMessage().contains("MASKER_ADMIN_TOKEN"));
    }

    @Test
    void givenBadValues_from_reportsEachWithWhatToSet() {
        Map<String, String> env = minimal();
        env.put("MASKER_PORT", "eighty");
        env.put("MASKER_PUBLIC_URL", "https://masker.example/");
        env.put("MASKER_VAPI_ACCEPT_PLAIN_SECRET", "yes");
        env.put("MASKER_ADMIN_TOKEN", "short");
        env.put("MASKER_DATABASE_URL", "jdbc:postgresql://db:5432/masker");
        env.put("MASKER_CURSOR_KEY", "not base64 of 32 bytes");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        assertNamesEach(
                e,
                List.of(
                        "MASKER_PORT",
                        "MASKER_PUBLIC_URL",
                        "MASKER_VAPI_ACCEPT_PLAIN_SECRET",
                        "MASKER_ADMIN_TOKEN",
                        "MASKER_CURSOR_KEY"));
        assertFalse(e.getMessage().contains("short"), "the message never repeats a token");
    }

    @Test
    void givenExternalDatabaseWithoutCursorKey_from_refusesToStart() {
        Map<String, String> env = minimal();
        env.put("MASKER_DATABASE_URL", "jdbc:postgresql://db:5432/masker");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        assertTrue(e.getMessage().contains("MASKER_CURSOR_KEY"));
    }

    @Test
    void givenTheCursorKeyUnderItsOldName_from_readsItAndWarnsToRenameIt() {
        Map<String, String> env = minimal();
        env.put("MASKER_DATABASE_URL", "jdbc:postgresql://db:5432/masker");
        env.put("MASKER_KEY_K_HEALTHCARE", tokenKey(2));
        env.put("MASKER_FINGERPRINT_KEY", tokenKey(1));

        List<String> logs = LogCapture.during(() -> assertArrayEquals(
                Base64.getDecoder().decode(tokenKey(1)),
                MaskerConfig.from(env).keys().cursorKey().orElseThrow()));

        assertTrue(
                logs.stream()
                        .anyMatch(line -> line.contains("MASKER_FINGERPRINT_KEY is the old name of MASKER_CURSOR_KEY")),
                String.join("\n", logs));
        assertFalse(String.join("\n", logs).contains(tokenKey(1)), "the key itself is never logged");
    }

    @Test
    void givenNoMetricsToken_from_leavesMetricsOpen() {
        assertEquals(List.of(), MaskerConfig.from(minimal()).credentials().metricsTokens());
    }

    @Test
    void givenRotatingMetricsTokens_from_readsBoth() {
        Map<String, String> env = minimal();
        env.put("MASKER_METRICS_TOKEN", "metrics-token-old-0123, metrics-token-new-0123");

        assertEquals(
                List.of("metrics-token-old-0123", "metrics-token-new-0123"),
                MaskerConfig.from(env).credentials().metricsTokens());
    }

    @Test
    void givenShortMetricsToken_from_refusesIt() {
        Map<String, String> env = minimal();
        env.put("MASKER_METRICS_TOKEN", "scrape");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("MASKER_METRICS_TOKEN"));
        assertFalse(e.getMessage().contains("scrape"), "the message never repeats a token");
    }

    @Test
    void givenMetricsTokenEqualToAnAdminToken_from_refusesIt() {
        Map<String, String> env = minimal();
        env.put("MASKER_METRICS_TOKEN", "admin-token-0123456789");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        assertTrue(e.getMessage().contains("MASKER_METRICS_TOKEN must differ"), e.getMessage());
        assertFalse(e.getMessage().contains("admin-token-0123456789"), "the message never repeats a token");
    }

    @Test
    void givenNoUpstreamVariables_from_takesOpenAiAndTheDocumentedTimeLimits() {
        var upstream = MaskerConfig.from(minimal()).upstream();

        assertEquals(
                "https://api.openai.com/v1/chat/completions",
                upstream.chatCompletionsUrl().toString());
        assertTrue(upstream.apiKey().isEmpty());
        assertEquals(Duration.ofMillis(3000), upstream.connectTimeout());
        assertEquals(Duration.ofMillis(20_000), upstream.firstByteTimeout());
        assertEquals(Duration.ofMillis(20_000), upstream.idleTimeout());
        assertEquals(Duration.ofMillis(120_000), upstream.totalTimeout());
    }

    @Test
    void givenUpstreamVariables_from_readsThemAndNeverShowsTheKey() {
        Map<String, String> env = minimal();
        env.put("MASKER_UPSTREAM_OPENAI_BASE_URL", "http://llm.internal:8000/v1");
        env.put("MASKER_UPSTREAM_OPENAI_API_KEY", "sk-upstream-secret-42");
        env.put("MASKER_UPSTREAM_CONNECT_TIMEOUT_MS", "500");
        env.put("MASKER_UPSTREAM_FIRST_BYTE_TIMEOUT_MS", "7000");
        env.put("MASKER_UPSTREAM_IDLE_TIMEOUT_MS", "4000");
        env.put("MASKER_UPSTREAM_TOTAL_TIMEOUT_MS", "60000");

        MaskerConfig config = MaskerConfig.from(env);

        var upstream = config.upstream();
        assertEquals(
                "http://llm.internal:8000/v1/chat/completions",
                upstream.chatCompletionsUrl().toString());
        assertEquals("sk-upstream-secret-42", upstream.apiKey().orElseThrow());
        assertEquals(
                List.of(
                        Duration.ofMillis(500),
                        Duration.ofMillis(7000),
                        Duration.ofMillis(4000),
                        Duration.ofSeconds(60)),
                List.of(
                        upstream.connectTimeout(),
                        upstream.firstByteTimeout(),
                        upstream.idleTimeout(),
                        upstream.totalTimeout()));
        assertFalse(config.toString().contains("sk-upstream"));
        assertFalse(upstream.toString().contains("sk-upstream"));
    }

    @Test
    void givenBadUpstreamVariables_from_reportsEach() {
        Map<String, String> env = minimal();
        env.put("MASKER_UPSTREAM_OPENAI_BASE_URL", "api.openai.com/v1/");
        env.put("MASKER_UPSTREAM_CONNECT_TIMEOUT_MS", "0");
        env.put("MASKER_UPSTREAM_FIRST_BYTE_TIMEOUT_MS", "soon");
        env.put("MASKER_UPSTREAM_IDLE_TIMEOUT_MS", "-1");
        env.put("MASKER_UPSTREAM_TOTAL_TIMEOUT_MS", "99999999999");

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        assertEquals(5, e.problems().size(), e.getMessage());
        assertNamesEach(
                e,
                List.of(
                        "MASKER_UPSTREAM_OPENAI_BASE_URL",
                        "MASKER_UPSTREAM_CONNECT_TIMEOUT_MS",
                        "MASKER_UPSTREAM_FIRST_BYTE_TIMEOUT_MS",
                        "MASKER_UPSTREAM_IDLE_TIMEOUT_MS",
                        "MASKER_UPSTREAM_TOTAL_TIMEOUT_MS"));
    }

    private static void assertNamesEach(ConfigurationException e, List<String> variables) {
        for (String variable : variables) {
            assertTrue(e.getMessage().contains(variable), variable + " missing from: " + e.getMessage());
        }
    }

    @Test
    void givenConfig_toString_showsNoSecret() {
        Map<String, String> env = minimal();
        env.put("MASKER_CURSOR_KEY", tokenKey(1));
        env.put("MASKER_KEY_K_HEALTHCARE", tokenKey(2));
        MaskerConfig config = MaskerConfig.from(env);

        for (String text : List.of(
                config.toString(),
                config.credentials().toString(),
                config.keys().toString())) {
            assertFalse(text.contains("whsec_a"), text);
            assertFalse(text.contains("admin-token"), text);
            assertFalse(text.contains(tokenKey(1)) || text.contains(tokenKey(2)), text);
        }
    }

    private static String tokenKey(int fill) {
        byte[] key = new byte[KeyRing.KEY_BYTES];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void givenExternalDatabaseWithoutTheHealthcareKey_from_refusesNamingTheVariableAndThePolicy() {
        Map<String, String> env = minimal();
        env.put("MASKER_DATABASE_URL", "jdbc:postgresql://db:5432/masker");
        env.put("MASKER_CURSOR_KEY", tokenKey(1));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        assertEquals(1, e.problems().size());
        assertTrue(e.problems().getFirst().startsWith("MASKER_KEY_K_HEALTHCARE is not set"), e.getMessage());
        assertTrue(e.problems().getFirst().contains("healthcare-default"));
    }

    @Test
    void givenShippedPolicies_from_readsHealthcareDefaultAndNeedsItsKid() {
        BuiltInPolicies policies = MaskerConfig.from(minimal()).policies();

        assertTrue(policies.byName().containsKey("healthcare-default"));
        assertEquals(List.of(new Kid("K_HEALTHCARE")), policies.kids());
    }

    @Test
    void givenEmbeddedDatabaseWithoutTokenKeys_from_acceptsAndLeavesThemToTheDataDirectory() {
        MaskerConfig config = MaskerConfig.from(minimal());

        assertEquals(
                config.policies().kids(),
                config.keys().tokenKeys().missing(config.policies().kids()));
    }

    @Test
    void givenACurrentAndAnOldKey_from_readsBothForTheKid() {
        Map<String, String> env = minimal();
        env.put("MASKER_DATABASE_URL", "jdbc:postgresql://db:5432/masker");
        env.put("MASKER_CURSOR_KEY", tokenKey(1));
        env.put("MASKER_KEY_K_HEALTHCARE", tokenKey(2));
        env.put("MASKER_KEY_K_HEALTHCARE_OLD", " " + tokenKey(3) + " ");
        env.put("MASKER_KEY_K_BILLING", tokenKey(4));

        MaskerConfig config = MaskerConfig.from(env);

        KeyRing.Keys healthcare = config.keys().tokenKeys().require(new Kid("K_HEALTHCARE"));
        assertEquals(2, healthcare.current()[0]);
        assertEquals(3, healthcare.old().orElseThrow()[0]);
        assertTrue(config.keys().tokenKeys().require(new Kid("K_BILLING")).old().isEmpty());
        assertFalse(config.toString().contains(tokenKey(2)), "the configuration never prints a key");
    }

    @Test
    void givenMalformedTokenKeys_from_reportsEachVariableWithoutItsValue() {
        Map<String, String> env = minimal();
        env.put("MASKER_KEY_K_SHORT", "c2hvcnQ=");
        env.put("MASKER_KEY_k_lower", tokenKey(1));
        env.put("MASKER_KEY_K_ORPHAN_OLD", tokenKey(2));

        ConfigurationException e = assertThrows(ConfigurationException.class, () -> MaskerConfig.from(env));

        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("MASKER_KEY_K_SHORT must be base64 of 32 random bytes"));
        assertTrue(e.getMessage().contains("MASKER_KEY_k_lower names no kid"));
        assertTrue(e.getMessage().contains("MASKER_KEY_K_ORPHAN_OLD is set without MASKER_KEY_K_ORPHAN"));
        assertFalse(e.getMessage().contains("c2hvcnQ=") || e.getMessage().contains(tokenKey(2)));
    }
}
