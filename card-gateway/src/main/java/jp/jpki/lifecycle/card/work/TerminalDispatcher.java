package jp.jpki.lifecycle.card.work;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Sends the card-work saga's orders to the terminals, once the saga's unit of work has committed and on threads
 * of its own. A local command bus runs a terminal's handler in the dispatching thread: sent from inside the saga,
 * one slow card would hold up every saga behind it (they share one event processor), and an order could reach the
 * card before the saga state waiting for its answer was stored.
 */
public class TerminalDispatcher {

    private final CommandBus commandBus;
    private final Executor executor;

    public TerminalDispatcher(CommandBus commandBus, Executor executor) {
        this.commandBus = commandBus;
        this.executor = executor;
    }

    public void dispatch(CommandMessage<?> order, CommandCallback<Object, Object> callback) {
        Runnable send = () -> commandBus.dispatch(order, callback);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> executor.execute(send));
        } else {
            executor.execute(send);
        }
    }

    /** Orders already handed over still reach their terminals; new ones are refused. */
    public void shutdown() {
        if (executor instanceof ExecutorService threads) {
            threads.shutdown();
        }
    }
}
