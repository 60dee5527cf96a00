package nl.zorgtafel.core.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {

    @Test
    void aUniqueKeyViolationIsADuplicateKey() {
        assertThat(failure("23505").isDuplicateKey()).isTrue();
        assertThat(failure("23505").isTransient()).isFalse();
    }

    @Test
    void lockTimeoutsAndDeadlocksAreTransient() {
        assertThat(failure("40XL1").isTransient()).isTrue();
        assertThat(failure("40001").isTransient()).isTrue();
        assertThat(failure("40P01").isTransient()).isTrue();
    }

    @Test
    void aValueTooLongForItsColumnIsADataFaultNotATransientOne() {
        assertThat(failure("22001").isDataFault()).isTrue();
        assertThat(failure("22001").isTransient()).isFalse();
    }

    @Test
    void aLostConnectionIsNeitherADataFaultNorADuplicate() {
        StoreException lost = failure("08006");

        assertThat(lost.isDataFault()).isFalse();
        assertThat(lost.isDuplicateKey()).isFalse();
    }

    @Test
    void aFailureWithoutStateHasAnEmptyState() {
        StoreException unknown = new StoreException("failed", new SQLException("failed"));

        assertThat(unknown.sqlState()).isEmpty();
        assertThat(unknown.isTransient()).isFalse();
    }

    private static StoreException failure(String sqlState) {
        return new StoreException("failed", new SQLException("failed", sqlState));
    }
}
