package jp.jpki.lifecycle.command.policy.documents;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.jpki.lifecycle.api.pair.DocumentClass;

/**
 * A requirement written as data (R-PRC-4), e.g. {@code "A×1 or B×2"} or {@code "A×2 or A×1+B×1"}: any one
 * alternative suffices; an alternative needs every listed count. Empty text: nothing needed.
 */
public record DocumentRequirement(String text, List<Map<DocumentClass, Integer>> alternatives) {

    public static DocumentRequirement parse(String text) {
        List<Map<DocumentClass, Integer>> alternatives = new ArrayList<>();
        String normalized = text == null ? "" : text.trim();
        if (!normalized.isEmpty()) {
            for (String alternative : normalized.split("(?i)\\s+or\\s+")) {
                Map<DocumentClass, Integer> counts = new EnumMap<>(DocumentClass.class);
                for (String term : alternative.split("\\+")) {
                    String[] parts = term.trim().split("[×xX*]");
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("cannot read document requirement term '" + term + "' in '" + text + "'");
                    }
                    counts.merge(DocumentClass.valueOf(parts[0].trim()), Integer.parseInt(parts[1].trim()), Integer::sum);
                }
                alternatives.add(Map.copyOf(counts));
            }
        }
        return new DocumentRequirement(normalized, List.copyOf(alternatives));
    }

    public boolean isSatisfiedBy(List<DocumentClass> shown) {
        if (alternatives.isEmpty()) {
            return true;
        }
        Map<DocumentClass, Integer> have = new EnumMap<>(DocumentClass.class);
        shown.forEach(d -> have.merge(d, 1, Integer::sum));
        return alternatives.stream().anyMatch(alt -> alt.entrySet().stream()
                .allMatch(need -> have.getOrDefault(need.getKey(), 0) >= need.getValue()));
    }
}
