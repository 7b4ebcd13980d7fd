package io.perftwin.shaping.kernel;

import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Traffic ends for the fidelity tests, started as a child JVM inside a test namespace with {@code ip
 * netns exec} (a Java thread cannot enter another network namespace). Modes:
 *
 * <ul>
 *   <li>{@code udp-send HOST PORT COUNT SIZE PACKETS_PER_SECOND}: sends COUNT datagrams of SIZE
 *       payload bytes, paced, then prints {@code sent N}.
 *   <li>{@code udp-count PORT IDLE_MS}: prints {@code ready}, counts datagrams until none arrived
 *       for IDLE_MS after the first (or 30 s passed), prints {@code received N}.
 * </ul>
 */
public final class FidelityPeer {
  private FidelityPeer() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "udp-send" -> send(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]),
          Long.parseLong(args[5]));
      case "udp-count" -> count(Integer.parseInt(args[1]), Long.parseLong(args[2]));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  private static void send(String host, int port, long count, int size, long perSecond) throws Exception {
    try (DatagramChannel ch = DatagramChannel.open()) {
      ch.setOption(StandardSocketOptions.SO_SNDBUF, 8 << 20);
      // Not connected: a connected socket would fail on the ICMP "port unreachable" of a sink-less receiver.
      InetSocketAddress to = new InetSocketAddress(host, port);
      ByteBuffer buf = ByteBuffer.allocateDirect(size);
      long start = System.nanoTime();
      long sent = 0;
      for (long i = 0; i < count; i++) {
        long due = start + (long) (i * 1e9 / perSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        buf.clear();
        buf.putLong(0, i);
        ch.send(buf, to);
        sent++;
      }
      System.out.println("sent " + sent);
    }
  }

  private static void count(int port, long idleMillis) throws Exception {
    try (DatagramChannel ch = DatagramChannel.open()) {
      ch.setOption(StandardSocketOptions.SO_RCVBUF, 8 << 20);
      ch.bind(new InetSocketAddress(port));
      ch.configureBlocking(false);
      System.out.println("ready");
      System.out.flush();
      ByteBuffer buf = ByteBuffer.allocateDirect(65536);
      long received = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      long last = 0;
      while (System.nanoTime() < deadline) {
        buf.clear();
        if (ch.receive(buf) != null) {
          received++;
          last = System.nanoTime();
        } else if (last != 0 && System.nanoTime() - last > TimeUnit.MILLISECONDS.toNanos(idleMillis)) {
          break;
        } else {
          LockSupport.parkNanos(50_000);
        }
      }
      System.out.println("received " + received);
    }
  }
}
