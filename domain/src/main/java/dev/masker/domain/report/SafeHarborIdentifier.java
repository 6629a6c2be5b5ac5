package dev.masker.domain.report;

import dev.masker.domain.phi.PhiKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * The 18 identifiers of HIPAA's Safe Harbor de-identification method (45 CFR 164.514(b)(2)(i), (A) to (R)), each with
 * the PHI kinds Masker detects for it. Biometric identifiers, full-face photographs and "any other unique identifying
 * number, characteristic or code" have none: they do not occur in a voice turn's text as a kind Masker can recognise.
 */
public enum SafeHarborIdentifier {
    NAMES(1, "Names", EnumSet.of(PhiKind.NAME)),
    GEOGRAPHIC_SUBDIVISIONS(
            2,
            "Geographic subdivisions smaller than a state (address, city, ZIP)",
            EnumSet.of(PhiKind.ADDRESS, PhiKind.CITY, PhiKind.ZIP)),
    DATES(
            3,
            "Dates (except year) related to an individual, and ages over 89",
            EnumSet.of(PhiKind.DOB, PhiKind.DATE, PhiKind.AGE)),
    TELEPHONE_NUMBERS(4, "Telephone numbers", EnumSet.of(PhiKind.PHONE)),
    FAX_NUMBERS(5, "Fax numbers", EnumSet.of(PhiKind.FAX)),
    EMAIL_ADDRESSES(6, "Email addresses", EnumSet.of(PhiKind.EMAIL)),
    SOCIAL_SECURITY_NUMBERS(7, "Social Security numbers", EnumSet.of(PhiKind.SSN)),
    MEDICAL_RECORD_NUMBERS(8, "Medical record numbers", EnumSet.of(PhiKind.MRN)),
    HEALTH_PLAN_NUMBERS(9, "Health plan beneficiary numbers", EnumSet.of(PhiKind.HEALTH_PLAN)),
    ACCOUNT_NUMBERS(10, "Account numbers (payment card numbers included)", EnumSet.of(PhiKind.ACCOUNT, PhiKind.CARD)),
    LICENSE_NUMBERS(11, "Certificate and license numbers", EnumSet.of(PhiKind.LICENSE)),
    VEHICLE_IDENTIFIERS(
            12, "Vehicle identifiers and serial numbers, license plates included", EnumSet.of(PhiKind.VEHICLE)),
    DEVICE_IDENTIFIERS(13, "Device identifiers and serial numbers", EnumSet.of(PhiKind.DEVICE)),
    WEB_URLS(14, "Web URLs", EnumSet.of(PhiKind.URL)),
    IP_ADDRESSES(15, "IP addresses", EnumSet.of(PhiKind.IP)),
    BIOMETRIC_IDENTIFIERS(
            16, "Biometric identifiers, including finger and voice prints", EnumSet.noneOf(PhiKind.class)),
    FACE_PHOTOGRAPHS(17, "Full-face photographs and comparable images", EnumSet.noneOf(PhiKind.class)),
    OTHER_UNIQUE_IDENTIFIERS(
            18, "Any other unique identifying number, characteristic or code", EnumSet.noneOf(PhiKind.class));

    private final int number;
    private final String title;
    private final Set<PhiKind> kinds;

    SafeHarborIdentifier(int number, String title, Set<PhiKind> kinds) {
        this.number = number;
        this.title = title;
        this.kinds = Set.copyOf(kinds);
    }

    /** Its place in the rule's list, 1 to 18. */
    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** The PHI kinds Masker detects for it; empty when Masker detects none. */
    public Set<PhiKind> kinds() {
        return kinds;
    }
}
