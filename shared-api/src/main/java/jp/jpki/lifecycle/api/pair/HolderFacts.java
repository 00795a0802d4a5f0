package jp.jpki.lifecycle.api.pair;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts about the holder that the rules and the SIGN certificate need.
 *
 * @param residentRef      the municipality's opaque reference to the resident record (never the individual number)
 * @param municipalityCode 全国地方公共団体コード of the municipality that holds the resident record
 * @param basicInfo        基本4情報 (R-CRD-3); the date of birth drives validity (R-VAL-1) and eligibility (R-ELG-2)
 * @param adultWard        成年被後見人 (R-ELG-2)
 */
public record HolderFacts(String residentRef, String municipalityCode, BasicFourItems basicInfo, boolean adultWard) {
    public HolderFacts {
        Objects.requireNonNull(residentRef, "residentRef");
        Objects.requireNonNull(municipalityCode, "municipalityCode");
        Objects.requireNonNull(basicInfo, "basicInfo");
    }

    public LocalDate dateOfBirth() {
        return basicInfo.dateOfBirth();
    }

    @Override
    public String toString() {
        return "HolderFacts[residentRef=redacted, municipalityCode=" + municipalityCode + ", adultWard=" + adultWard + "]";
    }
}
