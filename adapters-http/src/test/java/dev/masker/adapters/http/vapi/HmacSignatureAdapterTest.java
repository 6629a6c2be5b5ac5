package dev.masker.adapters.http.vapi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.adapters.http.vapi.VapiFixtures.Vector;
import dev.masker.application.port.out.VerifySignaturePort.SignatureVerdict;
import dev.masker.domain.agent.WebhookCredential;
import dev.masker.domain.vapi.SignedWebhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacSignatureAdapterTest {
    /** The X-Timestamp of the fixture's timestamped vector: 2025-11-27T00:00:00Z. */
    private static final long VECTOR_SECONDS = 1_764_201_600L;

    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final String SECRET = VapiFixtures.secret();
    private static final String NEW_SECRET = "whsec_rotated_in_4e8a1f";
    private static final byte[] DOCUMENTED = VapiFixtures.bytes("assistant-request.documented.json");
    private static final byte[] ENVELOPE = VapiFixtures.bytes("assistant-request.envelope.json");

    /** The adapter as an agent without a credential of its own meets it: with the deployment's credentials. */
    private interface Deployment {
        SignatureVerdict verify(SignedWebhook delivery);
    }

    private static Deployment adapter(List<String> secrets, boolean acceptPlainSecret, Instant now) {
        HmacSignatureAdapter adapter = new HmacSignatureAdapter(
                DeploymentCredentials.of(secrets, acceptPlainSecret).credentials(),
                TOLERANCE,
                Clock.fixed(now, ZoneOffset.UTC));
        return delivery -> adapter.verify(delivery, Optional.empty());
    }

    private static Deployment adapterAt(Instant now) {
        return adapter(List.of(SECRET), false, now);
    }

    private static Instant vectorTime() {
        return Instant.ofEpochSecond(VECTOR_SECONDS);
    }

    private static SignedWebhook bodySigned(byte[] body, String vapiSignature) {
        return new SignedWebhook(body, Map.of("X-Vapi-Signature", vapiSignature));
    }

    private static SignedWebhook timestamped(byte[] body, String signature, String timestamp) {
        return new SignedWebhook(body, Map.of("X-Signature", signature, "X-Timestamp", timestamp));
    }

    private static SignedWebhook plainSecret(String vapiSecret) {
        return new SignedWebhook(DOCUMENTED, Map.of("X-Vapi-Secret", vapiSecret));
    }

    private static SignedWebhook delivery(Vector vector) {
        byte[] body = VapiFixtures.bytes(vector.file());
        return switch (vector.header()) {
            case "X-Vapi-Signature" -> bodySigned(body, vector.value());
            case "X-Signature" -> {
                assertEquals(Optional.of("X-Timestamp"), vector.timestampHeader());
                yield timestamped(body, vector.value(), vector.timestamp().orElseThrow());
            }
            default -> throw new IllegalArgumentException("a vector in an unknown header: " + vector.header());
        };
    }

    private static byte[] hmac(String secret, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] mac) {
        return HexFormat.of().formatHex(mac);
    }

    static Stream<Vector> vectors() {
        return VapiFixtures.vectors("vectors").stream();
    }

    static Stream<Vector> mustFail() {
        return VapiFixtures.vectors("must_fail").stream();
    }

    // --- The shared vectors ---

    @Test
    void givenTheFixtureFiles_loading_findsEveryVectorAndEverySignedBodyEndingWithANewline() {
        assertEquals(7, vectors().count());
        assertEquals(4, mustFail().count());
        Stream.concat(vectors(), mustFail()).forEach(vector -> {
            byte[] body = VapiFixtures.bytes(vector.file());
            assertEquals('\n', body[body.length - 1], vector.file());
            assertEquals('{', body[0], vector.file());
        });
        assertEquals(170, DOCUMENTED.length, "the documented body, byte for byte");
        assertEquals(386, ENVELOPE.length, "the envelope body, byte for byte");
    }

    @Test
    void givenTheTestRuntime_module_isNamedSoTheModuleRulesApply() {
        assertTrue(HmacSignatureAdapter.class.getModule().isNamed());
        assertEquals("dev.masker.adapters.http", getClass().getModule().getName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void givenAFixtureVector_verify_acceptsIt(Vector vector) {
        SignatureVerdict verdict = adapterAt(vectorTime()).verify(delivery(vector));

        SignatureVerdict.Valid valid = assertInstanceOf(SignatureVerdict.Valid.class, verdict, vector.toString());
        assertEquals(vector.header().equals("X-Signature") ? "timestamped-hmac" : "body-hmac", valid.form());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustFail")
    void givenAMustFailVector_verify_rejectsIt(Vector vector) {
        SignatureVerdict verdict = adapterAt(vectorTime()).verify(delivery(vector));

        assertInstanceOf(SignatureVerdict.Invalid.class, verdict, vector.toString());
    }

    @Test
    void givenTheFixtureSecret_hmac_reproducesTheFixtureVectors() {
        // Guards the helper that signs the other tests' bodies.
        assertEquals(
                "95e7101ca71c496b392ef3e2a2ca829b2570d8d8166f3406baae43c7c556118d", hex(hmac(SECRET, "", DOCUMENTED)));
        assertEquals(
                "5f4d7861533f600cf8af41ad0565c4d46a284e7839df50c6845ce6ef5ce7d2d0",
                hex(hmac(SECRET, VECTOR_SECONDS + ".", ENVELOPE)));
    }

    @Test
    void givenTheSignedBodyWithoutItsFinalNewline_verify_rejectsIt() {
        byte[] withoutNewline = Arrays.copyOf(DOCUMENTED, DOCUMENTED.length - 1);

        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapterAt(vectorTime()).verify(bodySigned(withoutNewline, hex(hmac(SECRET, "", DOCUMENTED)))));
    }

    @Test
    void givenABodyChangedByOneByte_verify_rejectsIt() {
        byte[] tampered = DOCUMENTED.clone();
        tampered[tampered.length - 3] ^= 1;

        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapterAt(vectorTime()).verify(bodySigned(tampered, hex(hmac(SECRET, "", DOCUMENTED)))));
    }

    @Test
    void givenUrlSafeBase64AndSurroundingSpace_verify_acceptsTheSameMac() {
        byte[] mac = hmac(SECRET, "", ENVELOPE);

        assertInstanceOf(
                SignatureVerdict.Valid.class,
                adapterAt(vectorTime())
                        .verify(bodySigned(ENVELOPE, Base64.getUrlEncoder().encodeToString(mac))));
        assertInstanceOf(
                SignatureVerdict.Valid.class,
                adapterAt(vectorTime()).verify(bodySigned(ENVELOPE, "  SHA256=" + hex(mac) + " ")));
    }

    // --- The timestamped form and its tolerance ---

    @ParameterizedTest
    @ValueSource(longs = {-300, -1, 0, 1, 300})
    void givenTheTimestampedVectorWithinTheTolerance_verify_acceptsIt(long offsetSeconds) {
        Instant now = vectorTime().plusSeconds(offsetSeconds);
        Vector vector = vectors()
                .filter(v -> v.header().equals("X-Signature"))
                .findFirst()
                .orElseThrow();

        assertInstanceOf(SignatureVerdict.Valid.class, adapterAt(now).verify(delivery(vector)));
    }

    @ParameterizedTest
    @ValueSource(longs = {-86_400, -301, 301, 3_600})
    void givenTheTimestampedVectorOutsideTheTolerance_verify_rejectsIt(long offsetSeconds) {
        Instant now = vectorTime().plusSeconds(offsetSeconds);
        Vector vector = vectors()
                .filter(v -> v.header().equals("X-Signature"))
                .findFirst()
                .orElseThrow();

        assertInstanceOf(SignatureVerdict.Invalid.class, adapterAt(now).verify(delivery(vector)));
    }

    @Test
    void givenTheTimestampedVectorJustPastTheTolerance_verify_rejectsItToTheMillisecond() {
        Vector vector = vectors()
                .filter(v -> v.header().equals("X-Signature"))
                .findFirst()
                .orElseThrow();

        assertInstanceOf(
                SignatureVerdict.Valid.class,
                adapterAt(vectorTime().plusMillis(300_000)).verify(delivery(vector)));
        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapterAt(vectorTime().plusMillis(300_001)).verify(delivery(vector)));
    }

    @Test
    void givenATimestampInMilliseconds_verify_acceptsItWithinTheToleranceAndRejectsItOutside() {
        String millis = Long.toString(VECTOR_SECONDS * 1000 + 250);
        SignedWebhook delivery = timestamped(ENVELOPE, hex(hmac(SECRET, millis + ".", ENVELOPE)), millis);

        assertInstanceOf(SignatureVerdict.Valid.class, adapterAt(vectorTime()).verify(delivery));
        assertInstanceOf(
                SignatureVerdict.Valid.class,
                adapterAt(vectorTime().plusSeconds(300)).verify(delivery));
        assertInstanceOf(
                SignatureVerdict.Valid.class,
                adapterAt(vectorTime().minusSeconds(299)).verify(delivery));
        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapterAt(vectorTime().plusSeconds(301)).verify(delivery));
        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapterAt(vectorTime().minusSeconds(300)).verify(delivery));
    }

    @Test
    void givenAStaleTimestampInSeconds_verify_rejectsEvenAProperlySignedBody() {
        String stale = Long.toString(VECTOR_SECONDS - 301);
        SignedWebhook delivery = timestamped(ENVELOPE, hex(hmac(SECRET, stale + ".", ENVELOPE)), stale);

        SignatureVerdict.Invalid invalid = assertInstanceOf(
                SignatureVerdict.Invalid.class, adapterAt(vectorTime()).verify(delivery));
        assertFalse(invalid.reason().contains(stale), "the reason quotes no header value");
    }

    @Test
    void givenTheTimestampedSignatureWithAnotherTimestamp_verify_rejectsIt() {
        Vector vector = vectors()
                .filter(v -> v.header().equals("X-Signature"))
                .findFirst()
                .orElseThrow();
        String otherTime = Long.toString(VECTOR_SECONDS + 1);

        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapterAt(vectorTime()).verify(timestamped(ENVELOPE, vector.value(), otherTime)));
    }

    @Test
    void givenATimestampedSignatureSentAsBodySignature_verify_rejectsIt() {
        Vector vector = vectors()
                .filter(v -> v.header().equals("X-Signature"))
                .findFirst()
                .orElseThrow();

        assertInstanceOf(
                SignatureVerdict.Invalid.class, adapterAt(vectorTime()).verify(bodySigned(ENVELOPE, vector.value())));
    }

    @Test
    void givenABodySignatureSentInXSignature_verify_rejectsIt() {
        String bodyOnly = hex(hmac(SECRET, "", ENVELOPE));

        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapterAt(vectorTime()).verify(timestamped(ENVELOPE, bodyOnly, Long.toString(VECTOR_SECONDS))));
    }

    @Test
    void givenXSignatureWithoutXTimestamp_verify_rejectsIt() {
        Vector vector = vectors()
                .filter(v -> v.header().equals("X-Signature"))
                .findFirst()
                .orElseThrow();
        SignedWebhook delivery = new SignedWebhook(ENVELOPE, Map.of("X-Signature", vector.value()));

        assertInstanceOf(SignatureVerdict.Invalid.class, adapterAt(vectorTime()).verify(delivery));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "abc",
                "-1764201600",
                "+1764201600",
                "1764201600.0",
                "1.7642016E9",
                "0x6927A180",
                "17642016000000000",
                "99999999999999999999"
            })
    void givenAMalformedTimestamp_verify_rejectsIt(String timestamp) {
        String signature = hex(hmac(SECRET, timestamp.strip() + ".", ENVELOPE));

        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapterAt(vectorTime()).verify(timestamped(ENVELOPE, signature, timestamp)));
    }

    // --- Secret rotation ---

    @Test
    void givenTwoSecrets_verify_acceptsABodySignatureMadeWithTheSecondOne() {
        Deployment rotating = adapter(List.of(NEW_SECRET, SECRET), false, vectorTime());

        vectors()
                .forEach(vector -> assertInstanceOf(
                        SignatureVerdict.Valid.class, rotating.verify(delivery(vector)), vector.toString()));
    }

    @Test
    void givenTwoSecrets_verify_acceptsSignaturesMadeWithEitherAndNoOther() {
        Deployment rotating = adapter(List.of(NEW_SECRET, SECRET), false, vectorTime());
        String ts = Long.toString(VECTOR_SECONDS);

        assertInstanceOf(
                SignatureVerdict.Valid.class,
                rotating.verify(bodySigned(DOCUMENTED, hex(hmac(NEW_SECRET, "", DOCUMENTED)))));
        assertInstanceOf(
                SignatureVerdict.Valid.class,
                rotating.verify(timestamped(ENVELOPE, hex(hmac(NEW_SECRET, ts + ".", ENVELOPE)), ts)));
        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                rotating.verify(bodySigned(DOCUMENTED, hex(hmac("whsec_someone_else", "", DOCUMENTED)))));
    }

    @Test
    void givenOnlyTheNewSecret_verify_rejectsSignaturesMadeWithTheRetiredOne() {
        Deployment rotated = adapter(List.of(NEW_SECRET), false, vectorTime());

        vectors()
                .forEach(vector -> assertInstanceOf(
                        SignatureVerdict.Invalid.class, rotated.verify(delivery(vector)), vector.toString()));
    }

    @Test
    void givenNoSecretOrAnEmptyOne_constructor_refuses() {
        assertThrows(IllegalArgumentException.class, () -> adapter(List.of(), false, vectorTime()));
        assertThrows(IllegalArgumentException.class, () -> adapter(List.of(SECRET, ""), false, vectorTime()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new HmacSignatureAdapter(List.of(), TOLERANCE, Clock.systemUTC()));
    }

    // --- The legacy plain secret ---

    @Test
    void givenPlainSecretsEnabled_verify_acceptsTheSecretInXVapiSecret() {
        SignatureVerdict verdict = adapter(List.of(SECRET), true, vectorTime()).verify(plainSecret(SECRET));

        assertEquals(
                "plain-secret",
                assertInstanceOf(SignatureVerdict.Valid.class, verdict).form());
    }

    @Test
    void givenPlainSecretsEnabled_verify_acceptsTheSecretInXVapiSignatureAsOlderVapiSendsIt() {
        SignatureVerdict verdict = adapter(List.of(SECRET), true, vectorTime()).verify(bodySigned(DOCUMENTED, SECRET));

        assertEquals(
                "plain-secret",
                assertInstanceOf(SignatureVerdict.Valid.class, verdict).form());
    }

    @Test
    void givenPlainSecretsEnabledAndTwoSecrets_verify_acceptsEitherPlainSecret() {
        Deployment rotating = adapter(List.of(NEW_SECRET, SECRET), true, vectorTime());

        assertInstanceOf(SignatureVerdict.Valid.class, rotating.verify(plainSecret(SECRET)));
        assertInstanceOf(SignatureVerdict.Valid.class, rotating.verify(plainSecret(NEW_SECRET)));
    }

    @Test
    void givenPlainSecretsDisabled_verify_rejectsThePlainSecretInEitherHeader() {
        Deployment strict = adapterAt(vectorTime());

        assertInstanceOf(SignatureVerdict.Invalid.class, strict.verify(plainSecret(SECRET)));
        assertInstanceOf(SignatureVerdict.Invalid.class, strict.verify(bodySigned(DOCUMENTED, SECRET)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "whsec_test_7d2f9c4b1",
                "whsec_test_7d2f9c4b1a0",
                "WHSEC_TEST_7D2F9C4B1A",
                "whsec_test_7d2f9c4b1b"
            })
    void givenPlainSecretsEnabled_verify_rejectsAnythingButTheExactSecret(String offered) {
        Deployment lenient = adapter(List.of(SECRET), true, vectorTime());

        assertInstanceOf(SignatureVerdict.Invalid.class, lenient.verify(plainSecret(offered)));
        assertInstanceOf(SignatureVerdict.Invalid.class, lenient.verify(bodySigned(DOCUMENTED, offered)));
    }

    @Test
    void givenPlainSecretsEnabled_verify_stillAcceptsTheHmacForms() {
        Deployment lenient = adapter(List.of(SECRET), true, vectorTime());

        vectors()
                .forEach(vector -> assertInstanceOf(
                        SignatureVerdict.Valid.class, lenient.verify(delivery(vector)), vector.toString()));
    }

    // --- Garbage ---

    @Test
    void givenNoSignatureHeaderAtAll_verify_rejectsIt() {
        SignedWebhook unsigned = new SignedWebhook(DOCUMENTED, Map.of());

        assertInstanceOf(SignatureVerdict.Invalid.class, adapterAt(vectorTime()).verify(unsigned));
        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapter(List.of(SECRET), true, vectorTime()).verify(unsigned));
    }

    @Test
    void givenAnEmptyBodyAndEmptyHeaders_verify_rejectsIt() {
        SignedWebhook empty = new SignedWebhook(
                new byte[0], Map.of("X-Vapi-Signature", "", "X-Signature", "", "X-Timestamp", "", "X-Vapi-Secret", ""));

        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapter(List.of(SECRET), true, vectorTime()).verify(empty));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "sha256=",
                "sha256",
                "null",
                "undefined",
                "0",
                "zz5e7101ca71c496b392ef3e2a2ca829b2570d8d8166f3406baae43c7c556118d",
                "95e7101ca71c496b392ef3e2a2ca829b2570d8d8166f3406baae43c7c556118",
                "95e7101ca71c496b392ef3e2a2ca829b2570d8d8166f3406baae43c7c556118d0",
                "95e7101ca71c496b392ef3e2a2ca829b2570d8d8166f3406baae43c7c556118d,95e7101ca71c496b392ef3e2a2ca829b2570d8d8166f3406",
                "sha1=95e7101ca71c496b392ef3e2a2ca829b2570d8d8166f3406baae43c7c556118d",
                "lecQHKccSWs5LvPiosqCmyVw2NgWbzQGuq5Dx8VWEY0==",
                "mecQHKccSWs5LvPiosqCmyVw2NgWbzQGuq5Dx8VWEY0=",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "0000000000000000000000000000000000000000000000000000000000000000",
                "t=1764201600,v1=95e7101ca71c496b392ef3e2a2ca829b2570d8d8166f3406baae43c7c556118d",
                "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                        + "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                        + "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                        + "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9",
                "\u00b9\u00b2\u00b3\u00bc\u00bd\u00be\u00b9\u00b2\u00b3\u00bc\u00bd\u00be\u00b9\u00b2\u00b3\u00bc"
                        + "\u00b9\u00b2\u00b3\u00bc\u00bd\u00be\u00b9\u00b2\u00b3\u00bc\u00bd\u00be\u00b9\u00b2\u00b3\u00bc"
                        + "\u00b9\u00b2\u00b3\u00bc\u00bd\u00be\u00b9\u00b2\u00b3\u00bc\u00bd\u00be\u00b9\u00b2\u00b3\u00bc"
                        + "\u00b9\u00b2\u00b3\u00bc\u00bd\u00be\u00b9\u00b2\u00b3\u00bc\u00bd\u00be\u00b9\u00b2\u00b3\u00bc"
            })
    void givenAGarbageSignatureHeader_verify_rejectsItWithoutThrowing(String garbage) {
        Deployment strict = adapterAt(vectorTime());

        SignatureVerdict body = assertDoesNotThrow(() -> strict.verify(bodySigned(DOCUMENTED, garbage)));
        SignatureVerdict stamped =
                assertDoesNotThrow(() -> strict.verify(timestamped(ENVELOPE, garbage, Long.toString(VECTOR_SECONDS))));

        assertInstanceOf(SignatureVerdict.Invalid.class, body);
        assertInstanceOf(SignatureVerdict.Invalid.class, stamped);
    }

    @Test
    void givenAHugeGarbageHeader_verify_rejectsIt() {
        String huge = "a".repeat(64 * 1024);

        assertInstanceOf(SignatureVerdict.Invalid.class, adapterAt(vectorTime()).verify(bodySigned(DOCUMENTED, huge)));
    }

    @Test
    void givenSixtyFourFullWidthDigits_verify_rejectsItWithoutThrowing() {
        String fullWidth = "\uff11".repeat(64);

        SignatureVerdict verdict =
                assertDoesNotThrow(() -> adapterAt(vectorTime()).verify(bodySigned(DOCUMENTED, fullWidth)));

        assertInstanceOf(SignatureVerdict.Invalid.class, verdict);
    }

    @Test
    void givenAStaleTimestampedSignatureBesideAValidPlainSecret_verify_acceptsThePlainSecretWhenEnabled() {
        SignedWebhook both = new SignedWebhook(
                DOCUMENTED, Map.of("X-Signature", "00".repeat(32), "X-Timestamp", "1", "X-Vapi-Secret", SECRET));

        assertInstanceOf(
                SignatureVerdict.Valid.class,
                adapter(List.of(SECRET), true, vectorTime()).verify(both));
        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                adapter(List.of(SECRET), false, vectorTime()).verify(both));
    }

    // --- Why a delivery was refused (for the log) ---

    private static String reason(Deployment adapter, SignedWebhook delivery) {
        return assertInstanceOf(SignatureVerdict.Invalid.class, adapter.verify(delivery))
                .reason();
    }

    @Test
    void givenEachWayToFail_verify_saysWhichCheckFailedWithoutTheSecretOrTheSignature() {
        Deployment strict = adapterAt(vectorTime());
        String otherMac = hex(hmac("another secret entirely", "", DOCUMENTED));
        Vector timestamped = vectors()
                .filter(v -> v.header().equals("X-Signature"))
                .findFirst()
                .orElseThrow();

        assertEquals("no signature", reason(strict, new SignedWebhook(DOCUMENTED, Map.of())));
        assertEquals("plain secret not accepted", reason(strict, plainSecret(SECRET)));
        // Without its timestamp, Vapi's HMAC credential signs the body alone (includeTimestamp: false).
        assertEquals(
                "wrong signature",
                reason(strict, new SignedWebhook(ENVELOPE, Map.of("X-Signature", timestamped.value()))));
        assertEquals(
                "stale or missing timestamp", reason(adapterAt(vectorTime().plusSeconds(3600)), delivery(timestamped)));
        assertEquals("wrong signature", reason(strict, bodySigned(DOCUMENTED, otherMac)));
        assertEquals("unknown scheme", reason(strict, bodySigned(DOCUMENTED, "v0:not-a-mac")));
        for (String why :
                List.of(reason(strict, plainSecret(SECRET)), reason(strict, bodySigned(DOCUMENTED, otherMac)))) {
            assertFalse(why.contains(SECRET) || why.contains(otherMac), why);
        }
    }

    // --- Vapi's Bearer Token credential ---

    private static SignedWebhook bearer(String authorization) {
        return new SignedWebhook(DOCUMENTED, Map.of("Authorization", authorization));
    }

    @Test
    void givenPlainSecretsEnabled_verify_acceptsTheSecretAsABearerTokenWithOrWithoutItsPrefix() {
        Deployment lenient = adapter(List.of(SECRET), true, vectorTime());

        assertInstanceOf(SignatureVerdict.Valid.class, lenient.verify(bearer("Bearer " + SECRET)));
        assertInstanceOf(SignatureVerdict.Valid.class, lenient.verify(bearer("bearer " + SECRET)));
        assertInstanceOf(SignatureVerdict.Valid.class, lenient.verify(bearer(SECRET)));
        assertEquals("wrong plain secret", reason(lenient, bearer("Bearer " + SECRET + "x")));
    }

    @Test
    void givenPlainSecretsDisabled_verify_refusesABearerTokenEvenWithTheRightSecret() {
        assertEquals("plain secret not accepted", reason(adapterAt(vectorTime()), bearer("Bearer " + SECRET)));
    }

    // --- An agent's own credential ---

    private static SignatureVerdict verifyForAgent(WebhookCredential own, SignedWebhook delivery) {
        HmacSignatureAdapter adapter = new HmacSignatureAdapter(
                DeploymentCredentials.of(List.of(SECRET), true).credentials(),
                TOLERANCE,
                Clock.fixed(vectorTime(), ZoneOffset.UTC));
        return adapter.verify(delivery, Optional.of(own));
    }

    @Test
    void givenAnAgentsOwnHmacCredential_verify_acceptsItAndNoLongerTheDeploymentsSecret() {
        WebhookCredential own = new WebhookCredential.Hmac(
                NEW_SECRET,
                false,
                WebhookCredential.Algorithm.SHA512,
                "X-Clinic-Signature",
                Optional.empty(),
                WebhookCredential.Timestamp.NONE,
                "x-timestamp");
        byte[] mac = hmacWith("HmacSHA512", NEW_SECRET, DOCUMENTED);

        SignatureVerdict own512 =
                verifyForAgent(own, new SignedWebhook(DOCUMENTED, Map.of("x-clinic-signature", hex(mac))));
        SignatureVerdict deployment = verifyForAgent(own, bodySigned(DOCUMENTED, hex(hmac(SECRET, "", DOCUMENTED))));
        SignatureVerdict plain = verifyForAgent(own, plainSecret(SECRET));

        assertEquals(
                "body-hmac",
                assertInstanceOf(SignatureVerdict.Valid.class, own512).form());
        assertEquals(
                "no signature in the header the agent's credential names",
                assertInstanceOf(SignatureVerdict.Invalid.class, deployment).reason());
        assertInstanceOf(SignatureVerdict.Invalid.class, plain);
    }

    @Test
    void givenAnAgentsOwnBearerCredential_verify_comparesTheWholeTokenInItsHeader() {
        WebhookCredential own = new WebhookCredential.Bearer(NEW_SECRET, "X-Clinic-Token");

        assertInstanceOf(
                SignatureVerdict.Valid.class,
                verifyForAgent(own, new SignedWebhook(DOCUMENTED, Map.of("x-clinic-token", "Bearer " + NEW_SECRET))));
        assertEquals(
                "wrong plain secret",
                assertInstanceOf(
                                SignatureVerdict.Invalid.class,
                                verifyForAgent(
                                        own, new SignedWebhook(DOCUMENTED, Map.of("X-Clinic-Token", NEW_SECRET + "0"))))
                        .reason());
        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                verifyForAgent(own, new SignedWebhook(DOCUMENTED, Map.of("X-Clinic-Token", NEW_SECRET.substring(1)))));
        assertInstanceOf(
                SignatureVerdict.Invalid.class,
                verifyForAgent(own, new SignedWebhook(DOCUMENTED, Map.of("Authorization", "Bearer " + NEW_SECRET))));
    }

    @Test
    void givenAMacOfTheWrongLengthForTheAlgorithm_verify_callsItAnUnknownScheme() {
        WebhookCredential own = new WebhookCredential.Hmac(
                NEW_SECRET,
                false,
                WebhookCredential.Algorithm.SHA1,
                "x-signature",
                Optional.empty(),
                WebhookCredential.Timestamp.NONE,
                "x-timestamp");

        SignatureVerdict sha256Sent = verifyForAgent(
                own, new SignedWebhook(DOCUMENTED, Map.of("X-Signature", hex(hmac(NEW_SECRET, "", DOCUMENTED)))));

        assertEquals(
                "unknown scheme",
                assertInstanceOf(SignatureVerdict.Invalid.class, sha256Sent).reason());
    }

    private static byte[] hmacWith(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
