/** Driven adapter for the MSK1 token scheme: deterministic AEAD (AES-SIV) from Google Tink. */
module dev.masker.adapters.crypto {
    requires dev.masker.application;
    // Tink has no module descriptor; this is the Automatic-Module-Name its manifest declares.
    requires com.google.crypto.tink;

    exports dev.masker.adapters.crypto to dev.masker.bootstrap;
}
