package jp.jpki.lifecycle.card.pcsc;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension for tests through the real PC/SC stack: pcscd + vsmartcard-vpcd (+ OpenSC). It starts one
 * private pcscd per test JVM and hands it to tests as a {@link PrivatePcscd} parameter. Where the stack is
 * missing the tests are skipped with the reason, or fail with it when {@code -Dpcsc.required=true}
 * (scripts/test.sh; install with scripts/deps/pcsc.sh).
 */
public final class PcscStack implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PcscStack.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String missing = PrivatePcscd.missingPiece();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("PC/SC stack present");
        }
        String reason = "PC/SC integration tests need pcscd + vsmartcard-vpcd + OpenSC (scripts/deps/pcsc.sh): " + missing;
        if (Boolean.getBoolean("pcsc.required")) {
            throw new IllegalStateException(reason + " — and pcsc.required=true");
        }
        System.out.println("[pcsc] SKIPPED " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrivatePcscd.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PrivatePcscd.class, key -> {
            try {
                return PrivatePcscd.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the private pcscd: " + e.getMessage(), e);
            }
        }, PrivatePcscd.class);
    }
}
