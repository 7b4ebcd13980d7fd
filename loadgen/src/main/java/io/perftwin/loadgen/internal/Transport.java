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
     * @return the clock reading taken as the request's end (a transport that sends the next
     *     request on the same connection right away may reuse it as that request's send time)
     */
    long complete(int phase, int name, int user, long intendedNanos, long sentNanos, ErrorKind error);
  }

  /**
   * Sends one request now, or queues it until a connection is free.
   *
   * @param nowNanos a clock reading taken after the loop's last write, so that nothing but
   *     bookkeeping lies between it and this request's write: the transport may take it as the
   *     send time instead of reading the clock again
   */
  void submit(int phase, int name, int user, long intendedNanos, long nowNanos);

  /** Fails every queued and in-flight request and closes every connection; a second call does nothing. */
  void close();
}
