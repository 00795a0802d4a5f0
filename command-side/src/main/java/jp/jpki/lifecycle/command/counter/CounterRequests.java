package jp.jpki.lifecycle.command.counter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.jpki.lifecycle.api.pair.ApplicantType;
import jp.jpki.lifecycle.api.pair.BasicFourItems;
import jp.jpki.lifecycle.api.pair.BasicItem;
import jp.jpki.lifecycle.api.pair.CardGeneration;
import jp.jpki.lifecycle.api.pair.CardInfo;
import jp.jpki.lifecycle.api.pair.CertificateKind;
import jp.jpki.lifecycle.api.pair.DocumentClass;
import jp.jpki.lifecycle.api.pair.HolderFacts;
import jp.jpki.lifecycle.api.pair.Procedure;
import jp.jpki.lifecycle.api.pair.Sex;
import jp.jpki.lifecycle.api.revocation.CardInvalidationCause;
import jp.jpki.lifecycle.api.revocation.RevocationCause;

/** JSON bodies of the counter API; validated before any command is sent. */
final class CounterRequests {

    static final String TERMINAL = "[A-Za-z0-9._-]{1,64}";

    private CounterRequests() {
    }

    record Holder(@NotBlank @Size(max = 64) String residentRef,
                  @NotBlank @Pattern(regexp = "\\d{6}") String municipalityCode,
                  @NotBlank @Size(max = 200) String name,
                  @NotBlank @Size(max = 400) String address,
                  @NotNull LocalDate dateOfBirth,
                  @NotNull Sex sex,
                  boolean adultWard) {
        HolderFacts toFacts() {
            return new HolderFacts(residentRef, municipalityCode, new BasicFourItems(name, address, dateOfBirth, sex), adultWard);
        }

        @Override
        public String toString() {
            return "Holder[redacted]";
        }
    }

    record Card(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,64}") String cardId,
                @NotNull LocalDate applicationReceivedOn,
                @NotNull LocalDate issuedOn,
                LocalDate periodOfStayEnd,
                CardGeneration generation,
                boolean faceAuthentication) {
        CardInfo toInfo() {
            return new CardInfo(cardId, applicationReceivedOn, issuedOn, periodOfStayEnd,
                    generation == null ? CardGeneration.FIRST : generation, faceAuthentication);
        }
    }

    record Issue(@Pattern(regexp = "[A-Za-z0-9-]{8,64}") String pairId,
                 @NotNull @Valid Holder holder,
                 @NotNull @Valid Card card,
                 @NotEmpty Set<@NotNull CertificateKind> kinds,
                 @NotNull ApplicantType applicant,
                 List<@NotNull DocumentClass> documents,
                 @NotBlank @Pattern(regexp = TERMINAL) String terminalId,
                 String proxyApplicationId,
                 boolean withMoveNotice,
                 boolean cardReissuedByOwnFault,
                 @Size(max = 500) String eligibilityOverrideReason) {
    }

    record Renew(@NotEmpty Set<@NotNull CertificateKind> kinds,
                 @NotNull ApplicantType applicant,
                 List<@NotNull DocumentClass> documents,
                 @NotBlank @Pattern(regexp = TERMINAL) String terminalId,
                 String proxyApplicationId,
                 boolean withExpiryNotice) {
    }

    record PinLock(@NotNull CertificateKind kind) {
    }

    record PinResetRequest(@NotNull CertificateKind kind,
                           @NotNull ApplicantType applicant,
                           List<@NotNull DocumentClass> documents,
                           @NotBlank @Pattern(regexp = TERMINAL) String terminalId,
                           String proxyApplicationId) {
    }

    record Revoke(Set<@NotNull CertificateKind> kinds, @NotNull RevocationCause cause) {
    }

    record BasicInfoChange(@NotEmpty Set<@NotNull BasicItem> changedItems, @NotNull LocalDate effectiveOn) {
    }

    record Emigration(@NotNull LocalDate emigratedOn) {
    }

    record CardInvalidation(@NotNull CardInvalidationCause cause) {
    }

    record ProxyApplication(@Pattern(regexp = "[A-Za-z0-9-]{4,64}") String applicationId,
                            @NotNull Procedure procedure,
                            @NotEmpty Set<@NotNull CertificateKind> kinds,
                            @Valid Holder holder,
                            List<@NotNull DocumentClass> proxyDocuments) {
    }

    record InquiryAnswer(List<@NotNull DocumentClass> proxyDocuments) {
    }
}
