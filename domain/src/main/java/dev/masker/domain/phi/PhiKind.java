package dev.masker.domain.phi;

import java.util.Arrays;
import java.util.Optional;

/** The HIPAA Safe Harbor identifiers that occur in conversation text (SPEC §6). Names are a contract. */
public enum PhiKind {
    NAME,
    ADDRESS,
    CITY,
    ZIP,
    DOB,
    DATE,
    AGE,
    PHONE,
    FAX,
    EMAIL,
    SSN,
    MRN,
    HEALTH_PLAN,
    ACCOUNT,
    CARD,
    LICENSE,
    VEHICLE,
    DEVICE,
    URL,
    IP;

    /** The kind the text names exactly (upper case, as in tokens and policies), or empty. */
    public static Optional<PhiKind> parse(String text) {
        return Arrays.stream(values()).filter(kind -> kind.name().equals(text)).findFirst();
    }
}
