/** Masker's use cases, the ports they are driven through and drive, and the services that implement them. */
module dev.masker.application {
    // Port signatures expose domain types, so every user of the ports reads the domain too.
    requires transitive dev.masker.domain;

    exports dev.masker.application.port.in;
    exports dev.masker.application.port.out;
    // Only the composition root builds services; adapters see use cases and ports.
    exports dev.masker.application.service to
            dev.masker.bootstrap;
}
