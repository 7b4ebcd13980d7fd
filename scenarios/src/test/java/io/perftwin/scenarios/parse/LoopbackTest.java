package io.perftwin.scenarios.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackTest {

  @Test
  void loopbackHosts() {
    for (String h : new String[] {"127.0.0.1", "127.255.255.254", "127.1.2.3", "localhost", "LOCALHOST", "localhost.",
        "[::1]", "::1", "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]"}) {
      assertTrue(Loopback.isLoopbackHost(h), h);
    }
  }

  @Test
  void otherHosts() {
    for (String h : new String[] {"10.0.0.5", "128.0.0.1", "0.0.0.0", "127.0.0", "127.0.0.256", "127.0.0.1.example.com",
        "localhost.example.com", "example.com", "[::2]", "[fe80::1%25eth0]", "", "1270.0.0.1"}) {
      assertFalse(Loopback.isLoopbackHost(h), h);
    }
    assertFalse(Loopback.isLoopbackHost(null));
  }
}
