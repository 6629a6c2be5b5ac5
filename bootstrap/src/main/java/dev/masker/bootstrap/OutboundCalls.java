package dev.masker.bootstrap;

import dev.masker.adapters.http.vapi.HttpConfigCallbackAdapter;
import dev.masker.adapters.http.vapi.HttpVapiRelayAdapter;

/** The clients Masker calls clinics' own servers with: configuration callbacks and Vapi message relays. */
record OutboundCalls(HttpConfigCallbackAdapter callbacks, HttpVapiRelayAdapter relays) implements AutoCloseable {
    @Override
    public void close() {
        callbacks.close();
        relays.close();
    }
}
