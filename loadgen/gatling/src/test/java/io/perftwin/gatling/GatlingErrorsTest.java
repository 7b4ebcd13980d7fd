package io.perftwin.gatling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.perftwin.loadgen.ErrorKind;
import io.perftwin.loadgen.gatling.GatlingErrors;
import org.junit.jupiter.api.Test;

/**
 * The KO-message mapping on messages in the shapes Gatling 3.15 writes them. The refused, body
 * check and status cases are also covered end to end by the engine tests.
 */
class GatlingErrorsTest {

  @Test
  void checksByName() {
    assertEquals(ErrorKind.STATUS, GatlingErrors.classify("perftwin-status: found 500"));
    assertEquals(ErrorKind.STATUS, GatlingErrors.classify("status.find.in([200, 209], 304), found 500"));
    assertEquals(ErrorKind.CHECK_FAILED, GatlingErrors.classify("perftwin-check: but actually found false"));
    assertEquals(ErrorKind.CHECK_FAILED, GatlingErrors.classify("jsonPath($.ok).find.is(true), but actually found false"));
  }

  @Test
  void exchangeFailures() {
    assertEquals(ErrorKind.CONNECT_REFUSED,
        GatlingErrors.classify("i.n.c.AbstractChannel$AnnotatedConnectException: Connection refused: /127.0.0.1:1"));
    assertEquals(ErrorKind.TIMEOUT,
        GatlingErrors.classify("i.g.h.c.i.RequestTimeoutException: Request timeout to 127.0.0.1/127.0.0.1:8080 after 2000 ms"));
    assertEquals(ErrorKind.CONNECT_TIMEOUT,
        GatlingErrors.classify("i.n.c.ConnectTimeoutException: connection timed out after 10000 ms: /10.0.0.1:80"));
    assertEquals(ErrorKind.RESET,
        GatlingErrors.classify("i.n.c.u.Errors$NativeIoException: recvAddress(..) failed with error(-104): Connection reset by peer"));
    assertEquals(ErrorKind.RESET, GatlingErrors.classify("j.n.c.ClosedChannelException"));
    assertEquals(ErrorKind.OTHER, GatlingErrors.classify("j.l.IllegalStateException: something else"));
    assertEquals(ErrorKind.OTHER, GatlingErrors.classify(null));
  }
}
