package dev.masker.domain.phi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.masker.domain.phi.PhiSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhiDetectorTest {
    private static final PhiDetector DETECTOR = PhiDetector.withBundledNameLists();

    /** The detected values as "value/KIND", in text order. */
    private static List<String> found(String text) {
        return DETECTOR.detect(text).stream()
                .map(s -> text.substring(s.start(), s.end()) + "/" + s.kind())
                .toList();
    }

    @Test
    void givenFormattedAndSpokenPhones_detect_findsTheWholeNumber() {
        assertEquals(List.of("(415) 555-2671/PHONE"), found("My number is (415) 555-2671."));
        assertEquals(
                List.of("four one five five five five two six seven one/PHONE"),
                found("my number is four one five five five five two six seven one"));
        assertEquals(
                List.of("four one five double five five oh two six one/PHONE"),
                found("call me at four one five double five five oh two six one thanks"));
    }

    @Test
    void givenFaxContext_detect_typesTheNumberAsFax() {
        assertEquals(List.of("702-314-3004/FAX"), found("I will fax that over to 702-314-3004 today."));
    }

    @Test
    void givenFormattedAndSpokenEmails_detect_findsTheWholeAddress() {
        assertEquals(
                List.of("joel.reilly@gmail.com/EMAIL"),
                found("Send the visit summary to joel.reilly@gmail.com please."));
        assertEquals(
                List.of("john dot smith at gmail dot com/EMAIL"), found("my email is john dot smith at gmail dot com"));
    }

    @Test
    void givenPaidOnlineAtAClinicSite_detect_findsNoEmail() {
        assertEquals(List.of(), found("i paid online at riversidefm dot com slash pay but it still shows"));
    }

    @Test
    void givenSsns_detect_usesContextAndAreaRules() {
        assertEquals(List.of("553-60-7709/SSN"), found("I have 553-60-7709 on file for you."));
        assertTrue(found("I have 666-60-7709 on file for you.").stream().noneMatch(v -> v.endsWith("/SSN")));
        assertEquals(List.of("two six eight nine/SSN"), found("yes the last four of my social are two six eight nine"));
    }

    @Test
    void givenCardNumbers_detect_acceptsALuhnValidNumberWithoutContextOnly() {
        assertEquals(List.of("4111 1111 1111 1111/CARD"), found("It is 4111 1111 1111 1111."));
        assertTrue(found("It is 4111 1111 1111 1112.").stream().noneMatch(v -> v.endsWith("/CARD")));
    }

    @Test
    void givenProviderIds_detect_typesNpiAndDeaAsLicense() {
        assertEquals(List.of("1234567893/LICENSE"), found("Thank you, NPI 1234567893 is on the order."));
        assertEquals(List.of("AB1234563/LICENSE"), found("The DEA number AB1234563 is noted."));
        assertEquals(List.of("AB1234563/LICENSE"), found("Noted AB1234563 for the script."));
    }

    @Test
    void givenVinsAndPlates_detect_typesThemAsVehicle() {
        assertEquals(List.of("1M8GDM9AXKP042788/VEHICLE"), found("Noted 1M8GDM9AXKP042788 for the claim."));
        assertEquals(List.of("n b t seven eight zero/VEHICLE"), found("hi my license plate is n b t seven eight zero"));
    }

    @Test
    void givenAMedicareNumber_detect_typesItAsHealthPlan() {
        assertEquals(List.of("9NK1-M33-GW88/HEALTH_PLAN"), found("Your Medicare number 9NK1-M33-GW88 is active."));
        assertEquals(List.of("1EG4-TE5-MK73/HEALTH_PLAN"), found("It is 1EG4-TE5-MK73."));
    }

    @Test
    void givenContextWords_detect_typesMrnAccountAndDevice() {
        assertEquals(List.of("M2429020/MRN"), found("I located chart M2429020."));
        assertEquals(
                List.of("one double four three two eight double seven five nine/ACCOUNT"),
                found("the billing account number is one double four three two eight double seven five nine thanks"));
        assertEquals(List.of("CX4056587T/DEVICE"), found("Device serial CX4056587T."));
    }

    @Test
    void givenIpAddresses_detect_validatesRangesAndReadsSpokenDots() {
        assertEquals(List.of("107.31.95.23/IP"), found("Um, the error says ip 107.31.95.23."));
        assertEquals(List.of(), found("Um, the error says 300.31.95.23 again."));
        assertEquals(
                List.of("seven three dot one five nine dot two seven dot one six five/IP"),
                found("it says ip seven three dot one five nine dot two seven dot one six five is blocked"));
        assertEquals(
                List.of("2601:2511:dbf6:73e3::ee2/IP"), found("Last login from 2601:2511:dbf6:73e3::ee2; locked."));
    }

    @Test
    void givenDates_detect_tellsBirthDatesFromOtherDates() {
        assertEquals(List.of("march fifth nineteen ninety/DOB"), found("i was born on march fifth nineteen ninety"));
        assertEquals(List.of("03/05/1990/DOB"), found("DOB 03/05/1990."));
        assertEquals(List.of("March 12/DATE"), found("Can I come in Tuesday, March 12 at 3:30 pm?"));
        assertEquals(List.of("fifth of March/DATE"), found("I was admitted on the fifth of March."));
    }

    @Test
    void givenDateLookAlikes_detect_leavesThemAlone() {
        assertEquals(List.of(), found("Do you have anything open next Tuesday?"));
        assertEquals(List.of(), found("I was born in 1985 and have had asthma since twenty twenty."));
        assertEquals(List.of(), found("We are closed on the Fourth of July and in May."));
    }

    @Test
    void givenAges_detect_findsOnlyNinetyAndOver() {
        assertEquals(List.of("ninety four/AGE"), found("i'm ninety four years old do i still need a flu shot"));
        assertEquals(List.of("92/AGE"), found("She is a 92-year-old patient."));
        assertEquals(List.of(), found("I'm 45 and she is eighty nine."));
        assertEquals(List.of(), found("Please send a 90-day supply."));
    }

    @Test
    void givenClinicalLookAlikes_detect_findsNothing() {
        assertEquals(List.of(), found("Take 20 mg twice a day, 500 milligrams of metformin."));
        assertEquals(List.of(), found("Please go to Room 4B in Suite 200."));
        assertEquals(List.of(), found("That code, 80053, is a standard panel, and E11.9 is on the claim."));
        assertEquals(List.of(), found("Your copay is $125.50 and the app is version 4.2.1."));
    }

    @Test
    void givenNamesInContext_detect_findsTheNameWithoutTheTitle() {
        assertEquals(List.of("Maria Chen/NAME"), found("Hi, my name is Maria Chen."));
        assertEquals(List.of("Chen/NAME"), found("I would like to see Dr. Chen."));
        assertEquals(List.of("bernita mante/NAME"), found("my name is bernita mante"));
        assertEquals(List.of("Will/NAME"), found("Can my husband Will pick it up?"));
    }

    @Test
    void givenLowerCaseSpeech_detect_findsNamesByCueTitleAndSurnameList() {
        assertEquals(List.of("trace doyle/NAME"), found("the patient is trace doyle thanks"));
        assertEquals(List.of("brakus/NAME"), found("returning a call from doctor brakus's office thank you"));
        assertEquals(List.of(), found("my claim got denied for code nine nine three"));
    }

    @Test
    void givenUnlistedNamesInStrongContext_detect_findsThemWithoutTheLists() {
        assertEquals(List.of("trenzo rodarlen/NAME"), found("the appointment would be for my wife trenzo rodarlen"));
        assertEquals(List.of("Zolen Trenne/NAME", "1/5/1950/DOB"), found("Zolen Trenne, date of birth 1/5/1950."));
        assertEquals(List.of("Dirks/NAME"), found("Okay Dirks, I have updated your file."));
        assertEquals(List.of(), found("my son takes his inhaler and my wife needs a refill"));
    }

    @Test
    void givenLowerCaseSpeechWithInitialsTitlesAndBirthDates_detect_findsWholeNames() {
        assertEquals(
                List.of("tillman d. romaguera/NAME"),
                found("i am calling about my mother tillman d. romaguera, she is sick"));
        assertEquals(
                List.of("darien schmidt/NAME"), found("could you check if dr. darien schmidt is taking new patients"));
        assertEquals(
                List.of("caesar marquardt/NAME", "01/12/1950/DOB"),
                found("caesar marquardt, date of birth 01/12/1950"));
    }

    @Test
    void givenWordsThatAreAlsoNames_detect_leavesOrdinaryUseAlone() {
        assertEquals(List.of(), found("I will call back, is there a grace period on the bill?"));
        assertEquals(List.of(), found("Please mark it urgent, I hope it is ready."));
    }

    @Test
    void givenSpelledNames_detect_findsTheWholeSpelling() {
        assertEquals(List.of("G-L-E-I-C-H-N-E-R/NAME"), found("last name G-L-E-I-C-H-N-E-R, thanks"));
        assertEquals(List.of("S as in Sam, M, I, T, H/NAME"), found("It is spelled S as in Sam, M, I, T, H."));
        assertEquals(List.of("b l i c k/NAME"), found("last name b l i c k and that is all"));
        assertEquals(
                List.of("H-A-G-E-N-E-S, dash, M-O-E-N/NAME"), found("Spelling: H-A-G-E-N-E-S, dash, M-O-E-N, right?"));
    }

    @Test
    void givenAnInsuranceCard_detect_typesItsNumberAsHealthPlan() {
        assertEquals(List.of("W741858854/HEALTH_PLAN"), found("The member number on the card is W741858854."));
    }

    @Test
    void givenWhereabouts_detect_findsTheCity() {
        assertEquals(List.of("Clifton/CITY"), found("Hi there, I am in Clifton, is that close?"));
        assertEquals(List.of("caguas/CITY"), found("we just moved here from caguas"));
    }

    @Test
    void givenCodesQuantitiesAndYears_detect_findsNoIdentifier() {
        assertEquals(List.of(), found("Insurance rejected procedure code 71046."));
        assertEquals(List.of(), found("insurance rejected procedure code eighty one zero oh two"));
        assertEquals(List.of(), found("Prior authorization is required for CPT 99214 per the insurance plan."));
        assertEquals(List.of(), found("Insurance typically allows a 100-day supply for that prescription."));
        assertEquals(
                List.of("A4AR-77721-06/DEVICE"), found("Glucose monitor serial A4AR-77721-06, purchased in 2022."));
    }

    @Test
    void givenTheWordsThatNameAnIdentifier_detect_typesTheValueByThem() {
        assertEquals(List.of("7675821498/MRN"), found("My MR number is 7675821498. If that helps."));
        assertEquals(
                List.of("one nine seven three oh five six two six four/LICENSE"),
                found("national provider identifier one nine seven three oh five six two six four"));
        assertEquals(List.of("993513613/ACCOUNT"), found("Guarantor number 993513613."));
    }

    @Test
    void givenACardNumberSaidDigitByDigit_detect_typesItByItsCheckDigit() {
        assertEquals(
                List.of("four oh seven three, eight four seven three, seven four three six, oh three five oh/CARD"),
                found(
                        "Let us put it on four oh seven three, eight four seven three, seven four three six, oh three five oh."));
    }

    @Test
    void givenNamesByTheirForm_detect_findsTheWholeName() {
        assertEquals(
                List.of("Liang Xie-Zheng/NAME"), found("Team on this chart: triage RN Liang Xie-Zheng; call first."));
        assertEquals(List.of("Haruki T. Matsudaira/NAME"), found("cc: Haruki T. Matsudaira"));
        assertEquals(List.of("Anahí del Toro/NAME"), found("Yesterday Anahí del Toro called the office."));
        assertEquals(List.of("de la Fuente/NAME"), found("Hi Dr. de la Fuente, can we move my visit?"));
        assertEquals(List.of("samira el gamal/NAME"), found("yeah hi my name is samira el gamal"));
    }

    @Test
    void givenEponymsAndHyphenatedTerms_detect_findsNoName() {
        assertEquals(List.of(), found("We discussed Guillain-Barré and the Epstein-Barr virus today."));
        assertEquals(List.of(), found("Ordered a Pre-Op Clearance and a Follow-Up Visit."));
    }

    @Test
    void givenSpokenAddressesWithDictationOrJoinedWords_detect_findsTheWholeAddress() {
        assertEquals(
                List.of("norbert kelly nineteen seventy seven, all one word, at a t t period net/EMAIL"),
                found(
                        "locked out again, norbert kelly nineteen seventy seven, all one word, at a t t period net, and"));
        assertEquals(
                List.of("rosalia vallejo nineteen eighty one at sign verizon period net/EMAIL"),
                found("send the invoice to rosalia vallejo nineteen eighty one at sign verizon period net instead?"));
        assertEquals(
                List.of("ngoc dash ly dot blog/URL"), found("I cannot visit ngoc dash ly dot blog from our system."));
    }

    @Test
    void givenFieldNamesWithNumberAbbreviationsOrOwners_detect_typesTheColumns() {
        assertEquals(
                List.of("MV8774732/MRN", "GLM221924826/HEALTH_PLAN", "06LF27706/DEVICE"),
                found("patient_id | policy_no | device_sn\nMV8774732 | GLM221924826 | 06LF27706"));
    }

    @Test
    void givenCodedLabTestsCountriesAndPayments_detect_typesOrLeavesThemAsTheyAre() {
        assertEquals(List.of(), found("OBX|1|NM|2345-7^Glucose^LN||133|mg/dL|70-99|H|||F"));
        assertEquals(List.of(), found("need my insulin b4 we leave for El Salvador lol"));
        assertEquals(List.of("337-267-7385/PHONE"), found("DEA on file; pager 337-267-7385"));
        assertEquals(
                List.of("B-376446-3/ACCOUNT", "6011-9678-1768-1830/CARD"),
                found("My account number is B-376446-3 and I'll pay with 6011-9678-1768-1830."));
    }

    @Test
    void givenAbbreviatedAgesLocalNumbersAndObfuscatedAddresses_detect_findsThem() {
        assertEquals(List.of("92/AGE"), found("92 y/o male with CHF"));
        assertEquals(List.of("93yo/AGE"), found("93yo F presents"));
        assertEquals(List.of(), found("62yo F with HTN"));
        assertEquals(List.of("867-5309/PHONE"), found("home 867-5309"));
        assertEquals(List.of("4Y7K-22881/DEVICE"), found("S/N: 4Y7K-22881"));
        assertEquals(List.of("jsmith [at] gmail [dot] com/EMAIL"), found("write to jsmith [at] gmail [dot] com"));
        assertEquals(List.of("j.smith(at)yahoo.com/EMAIL"), found("contact j.smith(at)yahoo.com"));
    }

    @Test
    void givenHeadingsRelativesAndEverydayWordsAfterWeakCues_detect_keepsThemOutOfNames() {
        assertEquals(List.of(), found("Fax sent.\nCONFIDENTIALITY NOTICE: intended only for the named recipient."));
        assertEquals(List.of("Mai Vang/NAME"), found("Daughter Mai Vang will drive her."));
        assertEquals(List.of("Nguyen Van Son/NAME"), found("Patient Nguyen Van Son called.")); // "Son" is a surname too
        assertEquals(List.of("ayesha siddiqui/NAME"), found("spoke to mom ayesha siddiqui on phone"));
        assertEquals(List.of(), found("I hope that's okay. Thanks, bye."));
    }

    @Test
    void givenLettersSaidAsInAWordContractionsAndFutureAges_detect_readsThemInTheValue() {
        assertEquals(
                List.of("W as in william two nine three eight four seven five six one zero/HEALTH_PLAN"),
                found("Member ID is W as in william two nine three eight four seven five six one zero"));
        assertEquals(
                List.of("maria g eighty four at outlook dot com/EMAIL"),
                found("it's maria g eighty four at outlook dot com"));
        assertEquals(List.of("a hundred/AGE"), found("he'll be a hundred in may"));
    }

    @Test
    void givenFhirXmlAndArraysAndHolderFields_detect_typesEachValueByItsElement() {
        assertEquals(
                List.of("Her/NAME", "Xay/NAME"), found("<name><family value=\"Her\"/><given value=\"Xay\"/></name>"));
        assertEquals(List.of("1952-03-15/DOB"), found("<patient><dob>1952-03-15</dob></patient>"));
        assertEquals(
                List.of("Okafor/NAME", "Chidi/NAME"),
                found("{\"name\":[{\"family\":\"Okafor\",\"given\":[\"Chidi\"]}]}"));
        assertEquals(
                List.of("Tanveer Nadkarni/NAME", "JB55254552/HEALTH_PLAN"),
                found("Member: Tanveer Nadkarni   Member ID: JB55254552"));
    }

    @Test
    void givenTitlesRolesCredentialsAndContactsAroundANameNoListKnows_detect_findsTheName() {
        assertEquals(List.of("Deshpande/NAME"), found("Dear Sr. Deshpande,"));
        assertEquals(List.of("Akinyi Ruto/NAME"), found("have your representative, Akinyi Ruto, sign the form."));
        assertEquals(
                List.of("Farhad Rahimzadeh/NAME", "1060726423/LICENSE"),
                found("services billed by Farhad Rahimzadeh, MD (NPI 1060726423)."));
        assertEquals(
                List.of("Tayanita Runningwater/NAME", "763-491-7833/PHONE"),
                found("• Tayanita Runningwater cell: 763-491-7833"));
    }

    @Test
    void givenFractionsDirectionsRearUnitsDrawersAndTerritories_detect_findsTheWholeAddress() {
        assertEquals(
                List.of("42414 1/2 Arroyo Seco Loop NE/ADDRESS", "Mayagüez/CITY", "75046/ZIP"),
                found("cc: 42414 1/2 Arroyo Seco Loop NE, Mayagüez, Puerto Rico 75046"));
        assertEquals(
                List.of("PO Drawer 8197/ADDRESS", "Ojo Caliente/CITY", "83779-6856/ZIP"),
                found("Mail to: PO Drawer 8197, Ojo Caliente NM 83779-6856"));
        assertEquals(List.of("38973 1/2 Sweetgum Loop, Rear/ADDRESS"), found("cc: 38973 1/2 Sweetgum Loop, Rear"));
    }

    @Test
    void givenAFixedWidthTable_detect_typesEachCellByItsColumn() {
        String table = "NAME                      DOB         MEMBER ID       PCP\n"
                + "KAHANANUI, MAKANA         11/11/1961  80848769914     WEKESA\n";
        assertEquals(
                List.of("KAHANANUI, MAKANA/NAME", "11/11/1961/DOB", "80848769914/HEALTH_PLAN", "WEKESA/NAME"),
                found(table));
    }

    @Test
    void givenFillersInsideASpokenValue_detect_findsTheWholeValue() {
        assertEquals(
                List.of("february twenty fifth you know nineteen fifty one/DOB"),
                found("my date of birth is february twenty fifth you know nineteen fifty one and"));
        assertEquals(
                List.of("five five five uh one two three four five six seven/PHONE"),
                found("my number is five five five uh one two three four five six seven"));
        assertEquals(List.of(), found("I like pizza and like two slices"));
        assertEquals(
                List.of("six oh five nine three three scratch that nine three oh two eight seven three/PHONE"),
                found(
                        "you can reach me at six oh five nine three three scratch that nine three oh two eight seven three"));
    }

    @Test
    void givenValuesSaidInSpanish_detect_findsThemWithTheirKinds() {
        assertEquals(
                List.of("cinco dos cuatro, siete uno, tres tres cero ocho/SSN"),
                found("mi seguro social es cinco dos cuatro, siete uno, tres tres cero ocho"));
        assertEquals(
                List.of("tres cero cinco, cuatro cuatro dos, uno ocho siete seis/PHONE"),
                found("mi teléfono es tres cero cinco, cuatro cuatro dos, uno ocho siete seis"));
        assertEquals(
                List.of("maria punto lopez arroba gmail punto com/EMAIL"),
                found("mi correo es maria punto lopez arroba gmail punto com"));
        assertEquals(
                List.of("doce de abril de mil novecientos treinta y uno/DOB"),
                found("mi fecha de nacimiento es el doce de abril de mil novecientos treinta y uno"));
        assertEquals(List.of("12 de abril de 1931/DOB"), found("nací el 12 de abril de 1931"));
        assertEquals(List.of("noventa y dos/AGE"), found("mi mamá tiene noventa y dos años"));
        assertEquals(
                List.of("cinco dos cuatro, siete uno, tres tres cero ocho/SSN", "doce de abril de 1931/DOB"),
                found(
                        "mi seguro social es cinco dos cuatro, siete uno, tres tres cero ocho y nací el doce de abril de 1931"),
                "the \"y\" (and) after a number is no part of it");
        assertEquals(List.of(), found("mi mamá tiene ochenta y nueve años y toma dos pastillas"));
    }

    @Test
    void givenHomophonesAndFullStopsInsideASpokenNumber_detect_findsTheWholeNumber() {
        assertEquals(
                List.of("ate oh too, won for for, six seven ate nine/PHONE"),
                found("call me at ate oh too, won for for, six seven ate nine"));
        assertEquals(
                List.of("nine three nine. four six seven. four one three. six/PHONE"),
                found("my number is nine three nine. four six seven. four one three. six"));
        assertEquals(
                List.of("two one four four nine five eight two seven eight/FAX"),
                found("I will fax the records to two one four four nine five eight two seven eight."));
        assertEquals(List.of(), found("Walk-in vaccines are available every Wednesday, eight fifteen to six thirty."));
    }

    @Test
    void givenADeviceCueOrASpelledSerial_detect_findsADeviceSerial() {
        assertEquals(List.of("7H4K2299/DEVICE"), found("SN# 7H4K2299"));
        assertEquals(List.of("22161234567/DEVICE"), found("CPAP machine: ResMed AirSense 10, SN 22161234567"));
        assertEquals(List.of("8G4KZ1/DEVICE"), found("The CGM transmitter ID is 8G4KZ1"));
        assertEquals(List.of("356938035643809/DEVICE"), found("IMEI 356938035643809"), "an IMEI passes Luhn: no card");
        assertEquals(
                List.of("sierra november four four two one/DEVICE"),
                found("serial number: sierra november four four two one"));
        assertEquals(List.of("november fourth/DATE"), found("the appointment is november fourth"));
    }

    @Test
    void givenAnInitialBeforeASurnameNoListKnows_detect_findsTheNameButNotWordsAfterAnInitial() {
        assertEquals(List.of("M. Gedi/NAME"), found("anyone reach M. Gedi?"));
        assertEquals(List.of("W. Beauplan/NAME"), found("Ride booking — W. Beauplan"));
        assertEquals(List.of("A. Zakharova/NAME"), found("Reconciled by A. Zakharova, PharmD"));
        assertEquals(List.of("H. al-Tamimi/NAME"), found("Attending: H. al-Tamimi, MD"));
        assertEquals(
                List.of("68JV848842/DEVICE", "Xochitl I. Gollum/NAME"),
                found("Device 68JV848842 is now linked to Xochitl I. Gollum's chart."),
                "a possessive is no part of it");
        assertEquals(List.of(), found("Plan A. Discussed with family."));
        assertEquals(List.of(), found("Take vitamin D. Then call us."));
        assertEquals(List.of(), found("He served in the U.S. Army for years."));
        assertEquals(List.of(), found("Results from the MRI. CBC pending."));
    }

    @Test
    void givenSpokenNameForms_detect_findsTheNames() {
        assertEquals(List.of("Esfandiari/NAME"), found("doctor Esfandiari is my doctor."));
        assertEquals(List.of("Woldemariam/NAME", "Meseret/NAME"), found("yes Woldemariam, first name Meseret"));
        assertEquals(List.of(), found("I will see the doctor Monday, first name basis with her."));
    }

    @Test
    void givenASignatureBlock_detect_findsTheNameUnderTheDelimiter() {
        assertEquals(
                List.of("Zoua/NAME", "541-758-6915/PHONE"),
                found("Thanks for the refill.\n\n-- \nZoua\ncell 541-758-6915"));
        assertEquals(List.of(), found("Refill request\n--\nPharmacy Team\n"));
    }

    @Test
    void givenAbbreviatedPlanAndAccountLabels_detect_typesTheIdentifierByThem() {
        assertEquals(List.of("ZGP123456789/HEALTH_PLAN"), found("Insured ID: ZGP123456789"));
        assertEquals(List.of("JQX4471920/HEALTH_PLAN"), found("Mbr ID# JQX4471920"));
        assertEquals(List.of("88412937701/HEALTH_PLAN"), found("Sub ID 88412937701"));
        assertEquals(List.of("5512890034/HEALTH_PLAN"), found("Cert # 5512890034"), "no phone for its ten digits");
        assertEquals(
                List.of("PB3148104/ACCOUNT"),
                found("Mbr - CN40562020\tAcct # - PB3148104").subList(1, 2));
    }

    @Test
    void givenAPlaceAfterWordsOfComingFromOrLivingThere_detect_findsTheCity() {
        assertEquals(List.of("Kotzebue/CITY"), found("I'm calling from Kotzebue"));
        assertEquals(List.of("Eagle Butte/CITY"), found("I'm a resident of Eagle Butte."));
        assertEquals(List.of("Hialeah/CITY"), found("my daughter drives up from Hialeah on weekends"));
        assertEquals(List.of(), found("I'm calling from the pharmacy about a refill"));
    }

    @Test
    void givenASpeakerNamingThemselfBeforeCallingOrSpeaking_detect_findsTheName() {
        assertEquals(List.of("Siosaia Taufa/NAME"), found("Siosaia Taufa calling about my refill"));
        assertEquals(List.of("Siosaia Taufa/NAME"), found("Hi, Siosaia Taufa speaking."));
        assertEquals(List.of(), found("Walgreens calling about your prescription"));
        assertEquals(List.of(), found("Riverside Pharmacy calling about your prescription"));
    }

    @Test
    void givenFillersBetweenABirthCueAndTheDate_detect_findsADateOfBirth() {
        assertEquals(
                List.of("march uh third nineteen forty/DOB"),
                found("uh my date of birth is um march uh third nineteen forty"));
    }

    @Test
    void givenANameSpelledWithLike_detect_findsTheWholeSpelling() {
        assertEquals(
                List.of(
                        "Tehrani/NAME",
                        "T like Tango E Echo H Hotel R Romeo A like Alfa N like November I like India/NAME"),
                found("last name is Tehrani, that's T like Tango E Echo H Hotel R Romeo A like Alfa N like November"
                        + " I like India"));
    }

    @Test
    void givenHeadingsWeekdaysOrganisationFieldsAndSpellingWords_detect_findsNoName() {
        assertEquals(List.of(), found("WARD TRANSFER\n• Hunter syndrome: refer"));
        assertEquals(List.of(), found("> On Tue, the clinic wrote:"));
        assertEquals(List.of(), found("<name value=\"Copper Basin Cardiology\"/>"));
        assertEquals(
                List.of("victor papa seven four two two one/DEVICE"),
                found("and the serial on the pump reads victor papa seven four two two one"));
        assertEquals(
                List.of("RAMIRO VALDIVIA Y YBARRA/NAME", "92/AGE"),
                found("S: RAMIRO VALDIVIA Y YBARRA, 92 y/o F in Suite 330"));
    }

    @Test
    void givenSsnAndEmailFormsOfEveryday_detect_findsTheValueAlone() {
        assertEquals(List.of("123.45.6789/SSN"), found("SSN 123.45.6789"));
        assertEquals(List.of("6789/SSN"), found("{\"ssn_last4\": \"6789\"}"));
        assertEquals(List.of("123456789/SSN"), found("ss# 123456789"));
        assertEquals(List.of("jsmith @ gmail.com/EMAIL"), found("jsmith @ gmail.com"));
        assertEquals(List.of("john.o'neil@aol.com/EMAIL"), found("john.o'neil@aol.com is my email"));
        assertEquals(List.of("ABC123456789/HEALTH_PLAN"), found("BCBS #ABC123456789"));
    }

    @Test
    void givenALowerCaseNameInAPersonsField_detect_findsIt() {
        assertEquals(
                List.of("nisreen al-amoudi/NAME", "02/04/1938/DOB"),
                found("INFO ivr.flow event=lookup caller=\"nisreen al-amoudi\" dob=02/04/1938"));
        assertEquals(List.of(), found("{\"name\": \"metformin\", \"dose\": \"500 mg\"}"));
    }

    @Test
    void givenAnEmptyOrBlankText_detect_findsNothingAndDoesNotFail() {
        assertEquals(List.of(), DETECTOR.detect(""));
        assertEquals(List.of(), DETECTOR.detect(" "));
        assertEquals(List.of(), DETECTOR.detect("."));
    }

    @Test
    void givenCamelCaseKeysLineEndsMaskedSsnsAndMilitaryBoxes_detect_findsTheValues() {
        assertEquals(List.of("21401/ZIP"), found("<postalCode value=\"21401\"/>"));
        assertEquals(
                List.of("73 E Chinaberry Circle/ADDRESS", "Kensington/CITY"),
                found("Location: 73 E Chinaberry Circle, Kensington\nSx: dizzy"));
        assertEquals(List.of("2347/SSN"), found("Verified: SSN on file ***-**-2347"));
        assertEquals(List.of("PSC 3366, Box 4220/ADDRESS"), found("Ship to: PSC 3366, Box 4220, APO AA 34825"));
        assertEquals(List.of("POB 7103/ADDRESS"), found("Location: POB 7103"));
    }

    @Test
    void givenGreetingsPossessivesRolesAndOrderingFields_detect_findsTheName() {
        assertEquals(List.of("Hastiin/NAME"), found("Hi Hastiin! Reminder: appt w/ the clinic"));
        assertEquals(List.of(), found("Hi Team! The clinic is open"));
        assertEquals(List.of(), found("Hello Everyone, welcome"));
        assertEquals(List.of("Xiaoling Sima/NAME", "208-594-8968/PHONE"), found("Xiaoling Sima's pager 208-594-8968"));
        assertEquals(List.of("Royal Magsaysay/NAME"), found("* Caregiver Royal Magsaysay will call"));
        assertEquals(List.of("A. Haidari/NAME", "2324082496/LICENSE"), found("Ordering: A. Haidari, NPI 2324082496"));
    }

    @Test
    void givenAnAddressLine_detect_findsStreetCityAndZip() {
        assertEquals(
                List.of("919 E 6th Street/ADDRESS", "Georgetown/CITY", "78626/ZIP"),
                found("I live at 919 E 6th Street, Georgetown, TX 78626."));
    }

    @Test
    void givenUnitsQueensAndGridHouseNumbersAndRouteNumbers_detect_findsTheWholeStreetLine() {
        assertEquals(
                List.of("65-64 E Center Street Unit F/ADDRESS", "West Des Moines/CITY", "39799/ZIP"),
                found("Your address is now 65-64 E Center Street Unit F, West Des Moines, KY 39799, ok?"));
        assertEquals(
                List.of("E1058 Birch Ln/ADDRESS", "Brownsville/CITY", "65017-8006/ZIP"),
                found("I moved to E1058 Birch Ln, Brownsville, TX 65017-8006."));
        assertEquals(
                List.of("22660 County Road 34/ADDRESS", "Lafayette/CITY", "10746/ZIP"),
                found("I moved to 22660 County Road 34, Lafayette, LA 10746."));
        assertEquals(
                List.of("9763 Calle Real Bldg 1 Apt 8/ADDRESS", "Merced/CITY"),
                found("So, new address is 9763 Calle Real Bldg 1 Apt 8, Merced, South Carolina"));
        assertEquals(
                List.of("fifty three ninety five bluebonnet lane number 682/ADDRESS", "loveland/CITY", "15175/ZIP"),
                found("ship it to fifty three ninety five bluebonnet lane number 682 loveland wisconsin 15175"));
        assertEquals(
                List.of("two eight eight two one kamehameha avenue apartment five b/ADDRESS"),
                found("i live at two eight eight two one kamehameha avenue apartment five b"));
    }

    @Test
    void givenAZipRightAfterACityWithNoState_detect_findsCityAndZipOnlyForAKnownPlace() {
        assertEquals(
                List.of("523 Old Mill Rd/ADDRESS", "Cicero/CITY", "70296/ZIP"),
                found("My address is 523 Old Mill Rd, Cicero, 70296."));
        assertEquals(
                List.of("7205 West High Street/ADDRESS", "Rialto/CITY", "seven one eight two five/ZIP"),
                found("We are at 7205 West High Street Rialto seven one eight two five."));
        assertEquals(List.of("12 Elm Street/ADDRESS"), found("Send it to 12 Elm Street today 10000 times."));
    }

    @Test
    void givenALowerCaseAddressLine_detect_readsTheStateCodeAfterTheCity() {
        assertEquals(
                List.of("632 s state street/ADDRESS", "utica/CITY", "82227/ZIP"),
                found("um, my address is 632 s state street, utica, pa 82227."));
    }

    @Test
    void givenAnyText_detect_returnsSortedSpansThatNeverOverlap() {
        String text = "Name: Cade Monahan Date of birth: 04/15/1956 Age: 68 MRN: 5550123 Phone: (504) 331-9092";
        List<PhiSpan> spans = DETECTOR.detect(text);
        for (int i = 1; i < spans.size(); i++) {
            assertTrue(spans.get(i - 1).end() <= spans.get(i).start(), spans.toString());
        }
        assertEquals(
                List.of("Cade Monahan/NAME", "04/15/1956/DOB", "5550123/MRN", "(504) 331-9092/PHONE"), found(text));
    }

    @Test
    void givenValuesInsideJsonAndQueryStrings_detect_readsTheKeyAsContext() {
        assertEquals(List.of("415-555-0132/PHONE"), found("{\"phone\":\"415-555-0132\"}"));
        assertEquals(List.of("553-60-7709/SSN"), found("{\"ssn\": \"553-60-7709\", \"note\": \"call back\"}"));
        assertTrue(found("phone=415-555-0132&x=1").getFirst().startsWith("415-555-0132"));
    }

    @Test
    void givenNumbersSaidInGroups_detect_findsTheWholeValue() {
        assertEquals(
                List.of("six twenty-one, ninety-two, forty-four twenty-nine/SSN"),
                found("Alright, they asked for my social, six twenty-one, ninety-two, forty-four twenty-nine."));
        assertEquals(
                List.of("one seventy four point one sixty five point forty four point one thirty two/IP"),
                found("login failed from one seventy four point one sixty five point forty four point one thirty two"));
        assertEquals(
                List.of("twelve slash thirteen slash eighty seven/DOB"),
                found("Full name on file, D.O.B. twelve slash thirteen slash eighty seven"));
    }

    @Test
    void givenASpokenDateWhoseDayPrefixesAWord_detect_masksTheWholeDate() {
        assertEquals(List.of("july sixteen nineteen sixty nine/DOB"), found("born july sixteen nineteen sixty nine"));
    }

    @Test
    void givenSpokenEmailsWithSymbolWords_detect_findsTheWholeAddress() {
        assertEquals(
                List.of("alex hyphen tremblay at sign outlook period com/EMAIL"),
                found("Use alex hyphen tremblay at sign outlook period com for that."));
        assertEquals(
                List.of("yuxuan underscore jiang at outlook period com/EMAIL"),
                found("Shoot it over to yuxuan underscore jiang at outlook period com"));
    }

    @Test
    void givenAnyText_detect_neverStartsOrEndsASpanInsideAWord() {
        List<String> texts = List.of(
                "born july sixteen nineteen sixty nine",
                "my number is 415-555-0132x12 ok",
                "Kamila Červinková called about 03MAY1987",
                "MRN:#HJ-1234567, fax:(415)555-0132",
                "PID|1||MRN123456^^^HOSP||SMITH^JOHN^Q||19870503|F",
                "{\"dob\":\"1987-05-03\",\"name\":\"Jane Roe\"}");
        for (String text : texts) {
            for (PhiSpan span : DETECTOR.detect(text)) {
                assertTrue(
                        span.start() == 0
                                || !Character.isLetterOrDigit(text.charAt(span.start() - 1))
                                || !Character.isLetterOrDigit(text.charAt(span.start())),
                        () -> text + " " + span);
                assertTrue(
                        span.end() == text.length()
                                || !Character.isLetterOrDigit(text.charAt(span.end() - 1))
                                || !Character.isLetterOrDigit(text.charAt(span.end())),
                        () -> text + " " + span);
            }
        }
    }

    @Test
    void givenDatesWrittenDayFirstOrCompact_detect_findsTheWholeDate() {
        assertEquals(List.of("7 August/DATE"), found("I moved your appointment to 7 August."));
        assertEquals(List.of("11th March 2023/DATE"), found("The referral expires 11th March 2023."));
        assertEquals(List.of("03MAY1987/DOB"), found("DOB 03MAY1987"));
        assertEquals(List.of("17-DEC-1956/DOB"), found("I have 17-DEC-1956 as your birth date."));
        assertEquals(List.of("05.03.1987/DOB"), found("born 05.03.1987, she said"));
        assertEquals(List.of("Jan 15 '23/DATE"), found("seen on Jan 15 '23 for a follow-up"));
        assertEquals(List.of("May. 30/DATE"), found("renewal requested May. 30 by phone"));
        assertEquals(List.of("March the fourteenth/DATE"), found("anything available around March the fourteenth"));
    }

    @Test
    void givenATwoDigitSpokenYearAfterABirthDate_detect_keepsTheYearInTheSpan() {
        assertEquals(List.of("July twenty-sixth oh seven/DOB"), found("Hey, birthdate is July twenty-sixth oh seven"));
    }

    @Test
    void givenDayMonthLookAlikes_detect_findsNoDate() {
        assertEquals(List.of(), found("I think 3 may be enough, and version 4.2.1 is out"));
        assertEquals(List.of(), found("Take 2 tablets on the 4th. We march at noon."));
    }

    @Test
    void givenAPhoneWrittenWithFullStops_detect_findsIt() {
        assertEquals(List.of("802.987.2945/PHONE"), found("I switched carriers, my number is now 802.987.2945."));
        assertEquals(List.of(), found("The app is at version 10.2.3 now."));
    }

    @Test
    void givenNamesOfManyPopulationsWithAccents_detect_findsTheWholeName() {
        assertEquals(List.of("Kamila Červinková/NAME"), found("Kamila Červinková called about her refill."));
        assertEquals(List.of("Nguyễn Thị Mai/NAME"), found("Please ask Nguyễn Thị Mai to call back."));
        assertEquals(List.of("Yewande Olusanya/NAME"), found("Yewande Olusanya is the scheduler."));
    }

    @Test
    void givenCountriesInsurersClinicsAndEponyms_detect_findsNoName() {
        assertEquals(List.of(), found("Moved from Poland in 2019."));
        assertEquals(List.of(), found("Coverage is Molina Healthcare."));
        assertEquals(List.of(), found("Three Rivers Pulmonology is open on Saturdays."));
        assertEquals(List.of(), found("Glasgow Coma Scale was 15 on arrival."));
    }

    @Test
    void givenAWordThatIsACountryOrAnInsurerUsedAsAName_detect_stillFindsTheName() {
        assertEquals(List.of("Jordan/NAME"), found("My son Jordan has a fever."));
        assertEquals(List.of("Molina/NAME"), found("Dr. Molina will see you."));
    }

    @Test
    void givenAnHl7HeaderSegment_detect_findsNothingInIt() {
        assertEquals(List.of(), found("MSH|^~\\&|EPIC|SBMC|MASKER|VOICE|20240101||ADT^A01|123|P|2.5"));
    }

    @Test
    void givenAValueOnEachLineOfAColumn_detect_neverJoinsThemAcrossTheLineBreak() {
        assertTrue(found("icd10\n99397").isEmpty(), () -> found("icd10\n99397").toString());
    }

    @Test
    void givenJsonFields_detect_typesEachValueByItsKey() {
        assertEquals(
                List.of(
                        "Grimes, Judah/NAME",
                        "16 August 1926/DOB",
                        "98/AGE",
                        "842617779-01/HEALTH_PLAN",
                        "Carmichael/CITY"),
                found("{\"name\": \"Grimes, Judah\", \"dob\": \"16 August 1926\", \"age\": \"98\", "
                        + "\"coverage\": \"Ambetter 842617779-01\", \"city\": \"Carmichael\"}"));
    }

    @Test
    void givenKeyValueLines_detect_typesEachValueByItsKey() {
        assertEquals(List.of("Doan, Van/NAME", "05/03/1961/DOB"), found("• Pt: Doan, Van\n• D.O.B.: 05/03/1961"));
        assertEquals(List.of(), found("Patient: presents with chest pain since Tuesday."));
    }

    @Test
    void givenTablesWithHeaders_detect_typesEachCellByItsColumn() {
        assertEquals(
                List.of("Jane Roe/NAME", "415-555-0132/PHONE", "Ali Hassan/NAME", "646-205-8419/PHONE"),
                found("Name,Phone\nJane Roe,415-555-0132\nAli Hassan,646-205-8419"));
        assertEquals(
                List.of("Lucía Fernández/NAME", "4471093/MRN"),
                found("| Patient | MRN |\n|---|---|\n| Lucía Fernández | 4471093 |"));
    }

    @Test
    void givenAnHl7PatientSegment_detect_typesEachFieldByItsPosition() {
        assertEquals(
                List.of("MRN12345/MRN", "OKAFOR^JANE^A/NAME", "19870503/DOB", "(208)555-0199/PHONE"),
                found("PID|1||MRN12345^^^SBMC^MR||OKAFOR^JANE^A||19870503|F|||||(208)555-0199"));
    }

    @Test
    void givenAZipAfterNear_detect_findsIt() {
        assertEquals(List.of("01752/ZIP"), found("I will search for in-network labs near 01752."));
    }

    @Test
    void givenJsonTextWithEscapes_detect_neverStartsASpanInsideAnEscape() {
        String arguments = "{\"note\":\"Caller:\\nMaria Lopez\\nMRN 48210937\\n\\\"DOB\\\" 03/05/1990\"}";
        List<PhiSpan> spans = DETECTOR.detect(arguments);
        assertTrue(spans.size() >= 3, () -> found(arguments).toString());
        for (PhiSpan span : spans) {
            assertTrue(arguments.charAt(span.start() - 1) != '\\', () -> "span after a backslash: " + found(arguments));
        }
        assertTrue(
                found(arguments).contains("Maria Lopez/NAME"),
                () -> found(arguments).toString());
    }

    @Test
    void givenAStreetTypeBeforeTheName_detect_findsTheAddressAndTheCityAfterIt() {
        assertEquals(
                List.of("1333 Paseo de la Reina/ADDRESS", "Tuscaloosa/CITY"),
                found("They live at 1333 Paseo de la Reina in Tuscaloosa."));
        assertEquals(List.of("2382 Via Estrella/ADDRESS"), found("I live at 2382 Via Estrella now"));
    }

    @Test
    void givenViaAsAPreposition_detect_findsNoAddress() {
        assertEquals(List.of(), found("Please send the 2 forms via fax and 3 via email."));
    }

    @Test
    void givenAUsPlaceBeforeItsStateOrAfterWhereSomeoneIs_detect_findsTheCity() {
        assertEquals(List.of("Atlanta/CITY"), found("She lives in Atlanta, GA with her son."));
        assertEquals(List.of("Glenview/CITY"), found("We relocated to Glenview last spring."));
        assertEquals(List.of("Reading/CITY"), found("Reading, PA is where I grew up"));
    }

    @Test
    void givenAPlaceNamePunctuatedOrAbbreviated_detect_findsTheWholeCity() {
        assertEquals(List.of("Winston-Salem/CITY"), found("Caller lives in Winston-Salem, NC now."));
        assertEquals(List.of("Sault Ste. Marie/CITY"), found("Lives in Sault Ste. Marie, MI with her son."));
        assertEquals(List.of("Truth or Consequences/CITY"), found("Lives in Truth or Consequences, NM alone."));
        assertEquals(List.of("Coeur d'Alene/CITY"), found("She moved to Coeur d'Alene last year."));
        assertEquals(List.of("Wauwatosa/CITY"), found("I commute in from Wauwatosa every day."));
    }

    @Test
    void givenPlaceNamesUsedAsWordsOrStates_detect_findsNoCity() {
        assertEquals(List.of(), found("I was reading in bed when the Mobile app crashed."));
        assertEquals(List.of(), found("Hello, I live in Michigan."));
    }

    @Test
    void givenX12EligibilitySegments_detect_typesEachElementByItsPosition() {
        assertEquals(
                List.of(
                        "ROE*JANE*A/NAME",
                        "W48118489801/HEALTH_PLAN",
                        "12 ELM ST/ADDRESS",
                        "BOISE/CITY",
                        "83702/ZIP",
                        "19870503/DOB"),
                found("NM1*IL*1*ROE*JANE*A***MI*W48118489801~N3*12 ELM ST~N4*BOISE*ID*83702~DMG*D8*19870503*F~"));
        assertEquals(List.of(), found("NM1*PR*2*AETNA*****PI*60054~EQ*30~"), "a payer (entity 2) is no person");
    }

    @Test
    void givenAClinicianWithACredential_detect_findsTheNameButNotAPlaceBeforeItsState() {
        assertEquals(List.of("Nguyễn Thị Lan/NAME"), found("To: Nguyễn Thị Lan, MD"));
        assertEquals(List.of("OKORO, CHIDI/NAME"), found("Nephrology: OKORO, CHIDI, MD"));
        assertEquals(List.of("Silver Spring/CITY"), found("We moved to Silver Spring, MD last year."));
    }

    @Test
    void givenInitialsBeforeAListedSurname_detect_findsTheWholeName() {
        assertEquals(List.of("K. Nakamura/NAME"), found("paired glucometer; provider K. Nakamura; device"));
        assertEquals(List.of("R.K. Iyer/NAME"), found("Seen by Dr. R.K. Iyer today."));
    }

    @Test
    void givenLastCommaFirstInAQuotedCsvCell_detect_findsTheNameAndReadsTheRowsCells() {
        assertEquals(
                List.of("Nwosu, Adaeze/NAME", "415-555-0100/PHONE"),
                found("patient_name,phone\n\"Nwosu, Adaeze\",415-555-0100"));
    }

    @Test
    void givenTwoListedNamesInLowerCaseSpeech_detect_findsThePersonButNotEverydayWordsOrPlaces() {
        assertEquals(List.of("marisol quintero/NAME"), found("the claim is under marisol quintero"));
        assertEquals(List.of(), found("yes i take vitamin d every day with lunch"));
        assertEquals(List.of(), found("go to loma linda university health"));
    }

    @Test
    void givenASpeakerNamingThemself_detect_findsTheNameButNotAMedicine() {
        assertEquals(List.of("okonkwo/NAME"), found("okonkwo here calling about my refill"));
        assertEquals(List.of("dmitri/NAME"), found("dmitri again i called yesterday"));
        assertEquals(List.of("okonkwo/NAME"), found("{\"note\":\"okonkwo here calling about my refill\"}"));
        assertEquals(List.of(), found("metformin again please"));
    }

    @Test
    void givenNamesSpelledWithTheSpellingAlphabetOrDots_detect_findsTheWholeSpelling() {
        assertEquals(
                List.of("K for Kilo, O, W, A, L, S, K, I/NAME"),
                found("surname spelled K for Kilo, O, W, A, L, S, K, I"));
        assertEquals(List.of("tango romeo alfa november/NAME"), found("last name is tango romeo alfa november"));
        assertEquals(List.of("M.A.R.T.I.N.E.Z/NAME"), found("Confirming the surname letters: M.A.R.T.I.N.E.Z. Thanks"));
        assertEquals(
                List.of("O, apostrophe, B.R.I.E.N/NAME"), found("That's O, apostrophe, B.R.I.E.N for the surname"));
    }

    @Test
    void givenLettersThatSpellNoName_detect_findsNothing() {
        assertEquals(List.of(), found("please do it A.S.A.P. thanks"));
        assertEquals(List.of(), found("we stayed at the hotel india gate"));
        assertEquals(List.of(), found("Confirming the surname letters below."));
    }

    @Test
    void givenAPhoneWithAnExtensionOrASpokenPlus_detect_coversThemWithTheNumber() {
        assertEquals(List.of("212-555-0148 ext 31/PHONE"), found("Work: 212-555-0148 ext 31\nNext line"));
        assertEquals(List.of("(312) 555-0187 x220/PHONE"), found("She can be reached at (312) 555-0187 x220. Thanks"));
        assertEquals(
                List.of("three one two five five five oh one eight seven extension two two/PHONE"),
                found("call me at three one two five five five oh one eight seven extension two two"));
        assertEquals(
                List.of("plus one three one two five five five oh one eight seven/PHONE"),
                found("my number is plus one three one two five five five oh one eight seven"));
        assertEquals(List.of(), found("I took 3 x 10 mg"));
    }

    @Test
    void givenALabelGluedToItsValueByANumberSign_detect_typesTheValueByTheLabel() {
        assertEquals(List.of("Q-4410-2291/MRN"), found("Chart#Q-4410-2291 / next"));
        assertEquals(List.of("771203948/MRN"), found("pt ID #771203948."));
    }

    @Test
    void givenAnOrganisationsNpiAndADateOfCareInX12_detect_masksThemButNotTheOrganisation() {
        assertEquals(
                List.of("1730184456/LICENSE", "20250214/DATE"),
                found("NM1*1P*2*LAKESIDE FAMILY PRACTICE*****XX*1730184456~\nDTP*472*D8*20250214~"));
    }

    @Test
    void givenAProviderFieldOfAnHl7Visit_detect_findsTheProvidersNpiAndName() {
        assertEquals(
                List.of("1730184456/LICENSE", "ADEYEMI^FOLAKE^^^DR/NAME"),
                found("PV1|1|O|CLINIC^2A^1||||1730184456^ADEYEMI^FOLAKE^^^DR"));
    }

    @Test
    void givenARuralRouteOrHighwayContractBox_detect_findsTheAddressAndItsCity() {
        assertEquals(
                List.of("HC 61 Box 2207/ADDRESS", "Kotzebue/CITY"), found("Mail it to HC 61 Box 2207 in Kotzebue."));
        assertEquals(
                List.of("rural route nine box twelve/ADDRESS"), found("it goes to rural route nine box twelve thanks"));
        assertEquals(List.of(), found("put the pills back in the box 3 times a day"));
    }

    @Test
    void givenASpokenUrlWhosePathIsAName_detect_coversThePathButNotTheWordsAfterIt() {
        assertEquals(
                List.of("x dot com slash tomasz wierzbicki/URL"),
                found("look me up at x dot com slash tomasz wierzbicki"));
        assertEquals(List.of(), found("i paid online at riversidefm dot com slash pay but it still shows"));
    }

    @Test
    void givenUspsStreetSuffixesAndSeveralUnits_detect_findsTheWholeStreetLine() {
        assertEquals(
                List.of("4410 Quail Hollow Trl/ADDRESS", "Mankato/CITY", "56001/ZIP"),
                found("They live at 4410 Quail Hollow Trl in Mankato, Minnesota 56001."));
        assertEquals(
                List.of("88 Desert Sage Vista Way Bldg 2 Apt 14/ADDRESS"),
                found("Ship to 88 Desert Sage Vista Way Bldg 2 Apt 14"));
        assertEquals(List.of(), found("the app is on version twelve point three point four"));
    }

    @Test
    void givenAPlateAfterItsCue_detect_findsItWrittenOrSpelled() {
        assertEquals(List.of("KTR 4471/VEHICLE"), found("Thanks, plate KTR 4471 is validated."));
        assertEquals(List.of("7RBX219/VEHICLE"), found("My car has plates 7RBX219. Thanks"));
        assertEquals(
                List.of("k t r four four seven one/VEHICLE"), found("my car has plates k t r four four seven one"));
        assertEquals(List.of(), found("plate 3 of 4 in the lab"));
    }

    @Test
    void givenATwoDigitSpokenYearAndABirthCueAfterIt_detect_findsTheWholeDateOfBirth() {
        assertEquals(
                List.of("March ninth seventy one/DOB"), found("I have March ninth seventy one as your birth date."));
        assertEquals(List.of("March ninth seventy one/DOB"), found("His d o b is March ninth seventy one."));
    }

    @Test
    void givenARelativeOrASpellingCue_detect_takesAnEverydayWordAsTheNameButNoMedicine() {
        assertEquals(List.of("Hope/NAME"), found("My granddaughter Hope set up this phone for me."));
        assertEquals(List.of("Okonkwo-Eze/NAME"), found("The paperwork has Okonkwo-Eze spelled wrong."));
        assertEquals(List.of(), found("Tylenol is spelled with a y"));
    }
}
