package jp.jpki.lifecycle.audit.verify;

/** What the verifier concluded: either the export is intact, or the first thing wrong with it. */
public sealed interface Verdict {

    boolean intact();

    String describe();

    record Intact(String pairId, int entries, String headHash) implements Verdict {
        public boolean intact() {
            return true;
        }

        public String describe() {
            return "OK: " + entries + " entries of pair " + pairId + ", head " + headHash + ", signature valid";
        }
    }

    /** {@code position} is the index in the export's entry list where the problem shows first; -1 for the whole export. */
    record Broken(int position, Long seq, String problem) implements Verdict {
        public boolean intact() {
            return false;
        }

        public String describe() {
            return "TAMPERED: " + (position < 0 ? "" : "entry #" + position + (seq == null ? "" : " (seq " + seq + ")") + ": ")
                    + problem;
        }
    }
}
