package io.perftwin.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClosedUsersTest {

  @Test
  void describe() {
    assertEquals("users 50, think 100ms", new ClosedUsers(50, Duration.ofMillis(100)).describe());
    assertEquals("users 1, think 0s", new ClosedUsers(1, Duration.ZERO).describe());
    assertEquals("users 8, think 1.5s", new ClosedUsers(8, Duration.ofMillis(1500)).describe());
  }

  @Test
  void isAClosedShapeNotAnOpenOne() {
    LoadShape shape = new ClosedUsers(3, Duration.ZERO);
    assertInstanceOf(ClosedShape.class, shape);
    assertFalse(shape instanceof OpenShape);
  }

  @Test
  void validation() {
    assertEquals("users must be >= 1, was 0",
        assertThrows(IllegalArgumentException.class, () -> new ClosedUsers(0, Duration.ZERO)).getMessage());
    assertEquals("thinkTime must be >= 0, was PT-0.001S",
        assertThrows(IllegalArgumentException.class, () -> new ClosedUsers(1, Duration.ofMillis(-1))).getMessage());
    assertThrows(NullPointerException.class, () -> new ClosedUsers(1, null));
  }
}
