package dev.masker.bootstrap;

/** The configured port could not be bound: another process (often another Masker) listens there. */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(String host, int port) {
        super("port " + port + " on " + host + " is in use; set MASKER_PORT to a free one");
    }
}
