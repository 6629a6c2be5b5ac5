package dev.masker.application.port.out;

import dev.masker.domain.vapi.VapiMessage;

/** Driven port: reads a Vapi server message, in either envelope, from a JSON body. */
public interface ReadVapiMessagePort {
    /**
     * The message in the body.
     *
     * @throws dev.masker.domain.error.DomainException with {@code invalid_json} when the body is not a JSON object
     */
    VapiMessage read(byte[] body);
}
