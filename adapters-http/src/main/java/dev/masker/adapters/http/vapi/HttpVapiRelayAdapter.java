package dev.masker.adapters.http.vapi;

import dev.masker.adapters.http.JsonCodec;
import dev.masker.application.port.out.RelayVapiMessagePort;
import dev.masker.domain.agent.ForwardTarget;
import dev.masker.domain.error.DomainException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;

/**
 * Relays Vapi messages to an agent's backend with the JDK's HTTP client: a POST of the message's bytes as Vapi sent them,
 * signed with {@code X-Masker-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>} exactly like the
 * configuration callback, answered within the target's timeout in total. An answer counts when it is a 2xx whose body
 * is a JSON object of at most 1 MiB. Failures are outcomes and log lines with the host and the reason, never the
 * message, the answer or the secret.
 */
public final class HttpVapiRelayAdapter implements RelayVapiMessagePort, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpVapiRelayAdapter.class.getName());
    private static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final SignedPosts posts;
    private final JsonCodec json;

    public HttpVapiRelayAdapter(JsonCodec json, Clock clock) {
        this.json = Objects.requireNonNull(json, "json");
        this.posts = new SignedPosts(ForwardTarget.MAX_TIMEOUT, clock);
    }

    @Override
    public RelayOutcome relay(ForwardTarget target, byte[] message) {
        return posts.within(target.timeout(), () -> post(target, message), reason -> failed(target, reason));
    }

    @Override
    public void relayInBackground(ForwardTarget target, byte[] message) {
        byte[] copy = message.clone();
        posts.inBackground(() -> relay(target, copy));
    }

    private RelayOutcome post(ForwardTarget target, byte[] message) throws IOException, InterruptedException {
        return switch (posts.post(target.url(), target.secret(), message, MAX_ANSWER_BYTES)) {
            case SignedPosts.Answer.Body answer
            when isJsonObject(answer.bytes()) -> new RelayOutcome.Answered(answer.bytes());
            case SignedPosts.Answer.Body answer -> failed(target, "invalid_body");
            case SignedPosts.Answer.TooLong tooLong -> failed(target, "invalid_body");
            case SignedPosts.Answer.ErrorStatus status -> failed(target, "error_status");
        };
    }

    private boolean isJsonObject(byte[] body) {
        try {
            return json.readTree(body).isObject();
        } catch (DomainException e) {
            return false;
        }
    }

    private static RelayOutcome failed(ForwardTarget target, String reason) {
        // The host only: a backend URL's path or query could carry a clinic's identifiers.
        LOG.log(
                Level.WARNING,
                "relay of a Vapi message to host {0} failed ({1})",
                target.url().getHost(),
                reason);
        return new RelayOutcome.Failed(reason);
    }

    @Override
    public void close() {
        posts.close();
    }
}
