package dev.masker.domain.agent;

import static dev.masker.domain.error.Rejections.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.masker.domain.agent.WebhookCredential.Algorithm;
import dev.masker.domain.agent.WebhookCredential.Bearer;
import dev.masker.domain.agent.WebhookCredential.Hmac;
import dev.masker.domain.agent.WebhookCredential.Timestamp;
import dev.masker.domain.error.DomainException;
import dev.masker.domain.error.ErrorCode;
import dev.masker.domain.error.FieldProblem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookCredentialTest {
    private static final String SECRET = "wh_secret_0123456789";

    @Test
    void givenValidFields_hmac_keepsTheHeadersInLowerCase() {
        Hmac hmac = hmac(SECRET, false, "X-Signature");

        assertEquals("x-signature", hmac.signatureHeader());
    }

    @Test
    void givenASecretThatIsNotBase64WhileItShouldBe_hmac_refusesItWithoutShowingIt() {
        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED,
                () -> hmac("not base64 at all!", true, "x-signature"),
                "not base64 at all!");

        assertEquals(
                List.of(new FieldProblem("webhook_credential.secret", "must be base64 while secret_is_base64 is true")),
                thrown.details());
    }

    @Test
    void givenAnEmptySecretAndABadHeader_hmac_namesBoth() {
        DomainException thrown =
                assertRefused(ErrorCode.VALIDATION_FAILED, () -> hmac("", false, "x signature"), "x signature");

        assertEquals(
                List.of("webhook_credential.secret", "webhook_credential.signature_header"),
                thrown.details().stream().map(FieldProblem::field).toList());
    }

    @Test
    void givenAnEmptyTokenAndABadHeader_bearer_namesBoth() {
        DomainException thrown = assertRefused(
                ErrorCode.VALIDATION_FAILED, () -> new Bearer("", "authorization: x"), "authorization: x");

        assertEquals(
                List.of("webhook_credential.token", "webhook_credential.header"),
                thrown.details().stream().map(FieldProblem::field).toList());
    }

    private static Hmac hmac(String secret, boolean base64, String signatureHeader) {
        return new Hmac(
                secret,
                base64,
                Algorithm.SHA256,
                signatureHeader,
                Optional.empty(),
                Timestamp.REQUIRED,
                Hmac.DEFAULT_TIMESTAMP_HEADER);
    }
}
