package nl.zorgtafel.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import nl.zorgtafel.core.internal.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupCommitTest {

    @RegisterExtension
    static final TestDatabase DATABASE = new TestDatabase();

    /** Runs the commits only when the test says so, so that what arrives meanwhile is seen together. */
    private final Queue<Runnable> due = new ArrayDeque<>();
    private final Executor byHand = due::add;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    private GroupCommit<String, String> commits(int maxBatch) {
        return new GroupCommit<>("test items", DATABASE.transactions(), byHand, maxBatch, (store, batch) -> {
            batches.add(List.copyOf(batch));
            if (batch.contains("bad")) {
                throw new IllegalArgumentException("refused");
            }
            return batch.stream().map(item -> "stored " + item).toList();
        });
    }

    private void runDueCommits() {
        while (!due.isEmpty()) {
            due.poll().run();
        }
    }

    @Test
    void itemsThatArriveTogetherShareOneTransactionAndEachCallerGetsItsOwnResult() throws Exception {
        GroupCommit<String, String> commits = commits(200);

        CompletableFuture<String> first = commits.submit("a");
        CompletableFuture<String> second = commits.submit("b");
        CompletableFuture<String> third = commits.submit("c");
        runDueCommits();

        assertThat(batches).containsExactly(List.of("a", "b", "c"));
        assertThat(List.of(first.get(), second.get(), third.get())).containsExactly("stored a", "stored b", "stored c");
    }

    @Test
    void aBatchIsNoLargerThanItsLimit() {
        GroupCommit<String, String> commits = commits(2);

        List.of("a", "b", "c", "d", "e").forEach(commits::submit);
        runDueCommits();

        assertThat(batches).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    }

    @Test
    void aBadItemFailsOnlyItsOwnCaller() throws Exception {
        GroupCommit<String, String> commits = commits(200);

        CompletableFuture<String> before = commits.submit("a");
        CompletableFuture<String> bad = commits.submit("bad");
        CompletableFuture<String> after = commits.submit("c");
        runDueCommits();

        assertThat(before.get()).isEqualTo("stored a");
        assertThat(after.get()).isEqualTo("stored c");
        assertThat(bad).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalArgumentException.class);
        assertThat(batches).containsExactly(List.of("a", "bad", "c"), List.of("a"), List.of("bad"), List.of("c"));
    }

    @Test
    void anItemAloneIsCommittedAtOnce() throws Exception {
        GroupCommit<String, String> commits = commits(200);

        CompletableFuture<String> alone = commits.submit("a");
        runDueCommits();

        assertThat(alone.get()).isEqualTo("stored a");
        assertThat(batches).containsExactly(List.of("a"));
    }
}
