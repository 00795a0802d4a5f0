package jp.jpki.lifecycle.standalone.input;

import java.util.List;

/**
 * Every counter command endpoint with a body it would accept for the test's pair, and what in that body is
 * required, a date or an enum value: the material the mutations break.
 */
enum CounterEndpoint {
    ISSUE("", """
            {"holder":{"residentRef":"R-BAD-1","municipalityCode":"131121","name":"Test Shiro","address":"Setagaya 5-5",
                       "dateOfBirth":"1980-03-03","sex":"MALE","adultWard":false},
             "card":{"cardId":"CARD-BAD-1","applicationReceivedOn":"2024-01-10","issuedOn":"2024-02-01"},
             "kinds":["SIGN","AUTH"],"applicant":"RESIDENT","documents":["A"],"terminalId":"embedded-terminal"}""",
            List.of("/holder", "/holder/residentRef", "/holder/municipalityCode", "/holder/name", "/holder/address",
                    "/holder/dateOfBirth", "/holder/sex", "/card", "/card/cardId", "/card/applicationReceivedOn",
                    "/card/issuedOn", "/kinds", "/applicant", "/terminalId"),
            List.of("/holder/dateOfBirth", "/card/applicationReceivedOn", "/card/issuedOn"),
            List.of("/holder/sex", "/applicant", "/kinds/0", "/documents/0")),
    REISSUE("/issuances", ISSUE.body, ISSUE.required, ISSUE.dates, ISSUE.enums),
    RENEW("/renewals", """
            {"kinds":["AUTH"],"applicant":"RESIDENT","documents":["A"],"terminalId":"embedded-terminal"}""",
            List.of("/kinds", "/applicant", "/terminalId"), List.of(), List.of("/kinds/0", "/applicant", "/documents/0")),
    PIN_LOCK("/pin-locks", """
            {"kind":"AUTH"}""", List.of("/kind"), List.of(), List.of("/kind")),
    PIN_RESET("/pin-resets", """
            {"kind":"AUTH","applicant":"RESIDENT","documents":["A"],"terminalId":"embedded-terminal"}""",
            List.of("/kind", "/applicant", "/terminalId"), List.of(), List.of("/kind", "/applicant", "/documents/0")),
    REVOKE("/revocations", """
            {"kinds":["AUTH"],"cause":"LOSS"}""", List.of("/cause"), List.of(), List.of("/kinds/0", "/cause")),
    BASIC_INFO_CHANGE("/basic-info-changes", """
            {"changedItems":["ADDRESS"],"effectiveOn":"2026-01-01"}""",
            List.of("/changedItems", "/effectiveOn"), List.of("/effectiveOn"), List.of("/changedItems/0")),
    EMIGRATION("/emigrations", """
            {"emigratedOn":"2026-01-01"}""", List.of("/emigratedOn"), List.of("/emigratedOn"), List.of()),
    CARD_INVALIDATION("/card-invalidations", """
            {"cause":"RETURNED"}""", List.of("/cause"), List.of(), List.of("/cause")),
    PROXY_APPLICATION("/proxy-applications", """
            {"procedure":"ISSUANCE","kinds":["AUTH"],"proxyDocuments":["A"]}""",
            List.of("/procedure", "/kinds"), List.of(), List.of("/procedure", "/kinds/0", "/proxyDocuments/0")),
    INQUIRY_ANSWER("/proxy-applications/app-0001/answers", """
            {"proxyDocuments":["A"]}""", List.of(), List.of(), List.of("/proxyDocuments/0")),
    LOSS_REPORT("/loss-reports", null, List.of(), List.of(), List.of());

    private final String suffix;
    private final String body;
    private final List<String> required;
    private final List<String> dates;
    private final List<String> enums;

    CounterEndpoint(String suffix, String body, List<String> required, List<String> dates, List<String> enums) {
        this.suffix = suffix;
        this.body = body;
        this.required = required;
        this.dates = dates;
        this.enums = enums;
    }

    String path(String pairId) {
        return this == ISSUE ? "/api/certificate-pairs" : "/api/certificate-pairs/" + pairId + suffix;
    }

    /** The body as the endpoint would accept it; null where the endpoint takes none. */
    String validBody() {
        return body;
    }

    List<String> required() {
        return required;
    }

    List<String> dates() {
        return dates;
    }

    List<String> enums() {
        return enums;
    }
}
