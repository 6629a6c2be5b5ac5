/** Driving and driven HTTP adapters: Helidon WebServer routes, JSON mapping, error mapping and outbound callbacks. */
module dev.masker.adapters.http {
    requires dev.masker.application;
    requires io.helidon.webserver;
    requires io.helidon.webclient;
    requires io.helidon.webclient.api;
    requires com.fasterxml.jackson.databind;
    // The signed POSTs to clinics' endpoints: the JDK client reads HTTP/1.0 and close-delimited answers
    // (vapi.SignedPosts).
    requires java.net.http;
    // PDFBox has no module descriptor; this is its automatic module (Automatic-Module-Name in its manifest).
    requires org.apache.pdfbox;
    // PDFBox's fonts and content streams use AWT's geometry classes, which an automatic module cannot require itself.
    requires java.desktop;
    // Micrometer has no module descriptors; these are their automatic modules.
    requires micrometer.core;
    requires micrometer.registry.prometheus;

    // Only the composition root wires adapters; other adapters cannot see this one.
    exports dev.masker.adapters.http to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.vapi to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.agents to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.auth to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.audit to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.health to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.openapi to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.metrics to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.proxy to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.upstream to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.sessions to
            dev.masker.bootstrap;
    exports dev.masker.adapters.http.reports to
            dev.masker.bootstrap;

    // Jackson writes the response records and reads the request records of these packages.
    opens dev.masker.adapters.http to
            com.fasterxml.jackson.databind;
    opens dev.masker.adapters.http.agents to
            com.fasterxml.jackson.databind;
    opens dev.masker.adapters.http.auth to
            com.fasterxml.jackson.databind;
    opens dev.masker.adapters.http.audit to
            com.fasterxml.jackson.databind;
    opens dev.masker.adapters.http.health to
            com.fasterxml.jackson.databind;
}
