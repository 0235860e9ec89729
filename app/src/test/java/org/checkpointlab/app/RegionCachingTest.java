package org.checkpointlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegionCachingTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(RegionCaching.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(RegionCaching.PROPERTY);
        } else {
            System.setProperty(RegionCaching.PROPERTY, before);
        }
    }

    @Test
    void unset_isTurnedOffBeforeTheToolkitStarts() {
        System.clearProperty(RegionCaching.PROPERTY);

        assertThat(RegionCaching.disableUnlessSet()).isEqualTo("true");
        assertThat(System.getProperty(RegionCaching.PROPERTY)).isEqualTo("true");
    }

    @Test
    void theUsersChoiceIsKept() {
        System.setProperty(RegionCaching.PROPERTY, "false");

        assertThat(RegionCaching.disableUnlessSet()).isEqualTo("false");
        assertThat(System.getProperty(RegionCaching.PROPERTY)).isEqualTo("false");
    }
}
