package dev.masker.bootstrap;

import dev.masker.adapters.http.vapi.WebClientConfigCallbackAdapter;
import dev.masker.adapters.http.vapi.WebClientVapiRelayAdapter;

/** The clients Masker calls clinics' own servers with: configuration callbacks and Vapi message relays. */
record OutboundCalls(WebClientConfigCallbackAdapter callbacks, WebClientVapiRelayAdapter relays) implements AutoCloseable {
    @Override
    public void close() {
        callbacks.close();
        relays.close();
    }
}
