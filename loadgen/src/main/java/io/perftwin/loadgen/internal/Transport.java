package io.perftwin.loadgen.internal;

import io.perftwin.loadgen.ErrorKind;

/**
 * Sends the requests of one event loop. Every method runs on that loop's thread. A transport
 * owns its connections; requests that find no free connection wait in FIFO order (their
 * response time keeps running from the intended start).
 */
interface Transport {

  /** Told when a request ends, successfully or not. Runs on the loop's thread. */
  interface Completion {
    /**
     * @param sentNanos when the request was written, or -1 if it never was
     * @param error null for success
     */
    void complete(int phase, int name, int user, long intendedNanos, long sentNanos, ErrorKind error);
  }

  /** Sends one request now, or queues it until a connection is free. */
  void submit(int phase, int name, int user, long intendedNanos);

  /** Fails every queued and in-flight request and closes every connection. */
  void close();
}
