package dev.ben.streams.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuckDbStagingTest {

  @Test
  void eachColumnTypeIsStagedInItsOwnTypeOrItsWidestForm() {
    assertEquals(DuckDbStaging.UTINYINT, DuckDbStaging.of("UTINYINT"));
    assertEquals("UTINYINT", DuckDbStaging.of("UTINYINT").stagedType());
    assertEquals("VARCHAR[]", DuckDbStaging.of("VARCHAR[]").stagedType());
    assertEquals(DuckDbStaging.JSON_ARRAY, DuckDbStaging.of("BIGINT[]"));
    assertEquals("VARCHAR", DuckDbStaging.of("BIGINT[]").stagedType());
    assertEquals("DOUBLE", DuckDbStaging.of("FLOAT").stagedType());
    assertEquals(DuckDbStaging.OTHER, DuckDbStaging.of("UUID"));
  }

  @Test
  void anIntegerFitsOnlyWithinItsColumnsRange() {
    assertTrue(DuckDbStaging.UTINYINT.fits(255L));
    assertFalse(DuckDbStaging.UTINYINT.fits(256L));
    assertFalse(DuckDbStaging.UTINYINT.fits(-1L));
    assertFalse(DuckDbStaging.UTINYINT.fits("1"));
    assertTrue(DuckDbStaging.UBIGINT.fits(new BigInteger("18446744073709551615")));
    assertFalse(DuckDbStaging.UBIGINT.fits(BigInteger.ONE.shiftLeft(64)));
    assertFalse(DuckDbStaging.UBIGINT.fits(-1L));
    assertFalse(DuckDbStaging.BIGINT.fits(2.0));
  }

  @Test
  void otherValuesFitOnlyInTheirOwnForm() {
    assertTrue(DuckDbStaging.VARCHAR.fits(null));
    assertFalse(DuckDbStaging.VARCHAR.fits(1L));
    assertTrue(DuckDbStaging.TIMESTAMP.fits(Instant.EPOCH));
    assertFalse(DuckDbStaging.TIMESTAMP.fits("2026-11-23 10:00:00"));
    assertTrue(DuckDbStaging.VARCHAR_LIST.fits(Arrays.asList("a", null)));
    assertFalse(DuckDbStaging.VARCHAR_LIST.fits(List.of("a", 3L)));
    assertTrue(DuckDbStaging.JSON_ARRAY.fits(List.of(3L)));
    assertFalse(DuckDbStaging.DOUBLE.fits(1L));
  }
}
