package io.perftwin.shaping.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.perftwin.shaping.Capabilities;
import io.perftwin.shaping.Units;
import io.perftwin.shaping.probe.CapabilityProbe;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real measurements of the kernel backend in two namespaces joined by a veth pair: the rate HTB and
 * TBF let through, and the fraction of datagrams nftables and iptables drop. Each test takes a few
 * seconds; the figures are printed (docs/shaping.md has a table of them).
 *
 * <p>Rate is measured as the link-layer bytes received on the far end of the veth over 2 s of UDP
 * sent at 1.5 × the limit (UDP, so no TCP offload super-packets skew the byte count: HTB/TBF and the
 * veth count the same 1442-byte frames). Loss is the fraction of 20,000 paced datagrams not received;
 * it must fall inside the 99% binomial interval around the configured ratio, and the receiver's
 * socket must not have dropped any (so every missing datagram is the rule's doing).
 */
class KernelShaperFidelityTest {
  static final int PAYLOAD = 1400;
  static final int FRAME = PAYLOAD + 8 + 20 + 14;
  static final double RATE_TOLERANCE = 0.05;
  static final long RATE_BITS = Long.getLong("perftwin.fidelity.rate", 20_000_000L);
  static final int LOSS_DATAGRAMS = 20_000;
  static final double Z99 = 2.5758;
  static final double LOSS = Double.parseDouble(System.getProperty("perftwin.fidelity.loss", "0.10"));
  static Capabilities caps;

  @BeforeAll
  static void probe() {
    assumeTrue(TestNet.isRoot(), "skipped: kernel shaping tests need root (namespaces, qdiscs, nftables)");
    caps = CapabilityProbe.probe();
    assumeTrue(caps.namespaces(), "skipped: no network namespaces: " + caps.notes());
  }

  @AfterAll
  static void nothingLeft() {
    if (caps != null) {
      assertEquals(List.of(), TestNet.ourNamespaces(), "test namespaces left behind");
    }
  }

  @Test
  void htbRateWithinFivePercent() throws Exception {
    assumeTrue(caps.htb(), "skipped: no HTB qdisc: " + caps.notes());
    rate(KernelShaper.RateMethod.HTB);
  }

  @Test
  void tbfRateWithinFivePercent() throws Exception {
    assumeTrue(caps.tbf(), "skipped: no TBF qdisc: " + caps.notes());
    rate(KernelShaper.RateMethod.TBF);
  }

  private void rate(KernelShaper.RateMethod method) throws Exception {
    try (TestNet net = new TestNet("rate")) {
      Applied shaping = KernelShaper.limitRate(net.a, "va", RATE_BITS, method);
      try {
        String qdisc = Cmd.check("tc", "-n", net.a, "qdisc", "show", "dev", "va", "root").stdout();
        assertTrue(qdisc.contains(method.name().toLowerCase(Locale.ROOT)), qdisc);
        long perSecond = RATE_BITS * 3 / 2 / 8 / FRAME;
        Process sender = net.peer(net.a, "udp-send", TestNet.B_ADDR, "9000", Long.toString(perSecond * 5),
            Integer.toString(PAYLOAD), Long.toString(perSecond));
        long before = TestNet.rxBytes(net.b, "vb");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (TestNet.rxBytes(net.b, "vb") < before + 20L * FRAME) {
          assertTrue(System.nanoTime() < deadline, "no traffic arrived within 10 s");
          Thread.sleep(20);
        }
        Thread.sleep(500); // past the initial bucket burst
        long b0 = TestNet.rxBytes(net.b, "vb");
        long t0 = System.nanoTime();
        Thread.sleep(2000);
        long b1 = TestNet.rxBytes(net.b, "vb");
        long t1 = System.nanoTime();
        assertTrue(sender.isAlive(), "the sender stopped before the measurement ended");
        double measured = (b1 - b0) * 8 * 1e9 / (t1 - t0);
        double error = measured / RATE_BITS - 1;
        System.out.printf(Locale.ROOT, "FIDELITY rate %s target %s measured %.3f Mbit/s error %+.2f%%%n", method,
            Units.bitRate(RATE_BITS), measured / 1e6, error * 100);
        assertTrue(Math.abs(error) <= RATE_TOLERANCE, String.format(Locale.ROOT,
            "%s rate %.3f Mbit/s is not within 5%% of %s", method, measured / 1e6, Units.bitRate(RATE_BITS)));
      } finally {
        shaping.close();
      }
      String after = Cmd.check("tc", "-n", net.a, "qdisc", "show", "dev", "va", "root").stdout();
      assertTrue(after.contains(" 0: "), "the default root qdisc is back: " + after);
      shaping.close(); // idempotent
    }
  }

  @Test
  void nftablesLossInsideBinomialInterval() throws Exception {
    assumeTrue(caps.nftables(), "skipped: no nftables: " + caps.notes());
    loss(KernelShaper.LossMethod.NFTABLES, LOSS);
  }

  @Test
  void iptablesLossInsideBinomialInterval() throws Exception {
    assumeTrue(caps.iptablesStatistic(), "skipped: no iptables statistic match: " + caps.notes());
    loss(KernelShaper.LossMethod.IPTABLES, LOSS);
  }

  private void loss(KernelShaper.LossMethod method, double ratio) throws Exception {
    try (TestNet net = new TestNet("loss")) {
      Applied shaping = KernelShaper.dropRandom(net.b, "vb", ratio, method, "up");
      try {
        Process sink = net.peer(net.b, "udp-count", "9001", "700");
        TestNet.expectLine(sink, "ready");
        long bufErrors = TestNet.snmp(net.b, "Udp", "RcvbufErrors");
        Process sender = net.peer(net.a, "udp-send", TestNet.B_ADDR, "9001", Integer.toString(LOSS_DATAGRAMS), "64", "20000");
        long sent = Long.parseLong(TestNet.expectLine(sender, "sent"));
        long received = Long.parseLong(TestNet.expectLine(sink, "received"));
        assertEquals(bufErrors, TestNet.snmp(net.b, "Udp", "RcvbufErrors"), "the receiver's socket dropped datagrams");
        double measured = 1 - received / (double) sent;
        double half = Z99 * Math.sqrt(ratio * (1 - ratio) / sent);
        System.out.printf(Locale.ROOT, "FIDELITY loss %s configured %s sent %d received %d measured %.3f%% interval [%.3f%%, %.3f%%]%n",
            method, Units.percent(ratio), sent, received, measured * 100, (ratio - half) * 100, (ratio + half) * 100);
        assertTrue(Math.abs(measured - ratio) <= half, String.format(Locale.ROOT,
            "%s loss %.3f%% outside the 99%% interval %s ± %.3f%%", method, measured * 100, Units.percent(ratio), half * 100));
        if (method == KernelShaper.LossMethod.NFTABLES) {
          assertEquals(sent - received, KernelShaper.droppedPackets(net.b, "up"), "nftables counter = datagrams missing");
        }
      } finally {
        shaping.close();
      }
      assertFalse(Cmd.run(Cmd.inNamespace(net.b, List.of("nft", "list", "table", "inet", KernelShaper.NFT_TABLE))).ok(),
          "nftables table removed");
      String raw = Cmd.check(Cmd.inNamespace(net.b, List.of("iptables", "-w", "-t", "raw", "-S", "PREROUTING"))).stdout();
      assertFalse(raw.contains(KernelShaper.NFT_TABLE), "iptables rule removed: " + raw);
      shaping.close();
    }
  }

  @Test
  void refusesToReplaceAConfiguredRootQdisc() {
    assumeTrue(caps.tbf() && caps.htb(), "skipped: needs HTB and TBF");
    try (TestNet net = new TestNet("busy")) {
      Cmd.check("tc", "-n", net.a, "qdisc", "add", "dev", "va", "root", "handle", "5:", "tbf", "rate", "1mbit", "burst", "32kbit",
          "latency", "50ms");
      var e = assertThrows(io.perftwin.shaping.ShapingException.class,
          () -> KernelShaper.limitRate(net.a, "va", 10_000_000, KernelShaper.RateMethod.HTB));
      assertTrue(e.getMessage().contains("va already has a configured root qdisc (qdisc tbf 5: root"), e.getMessage());
      assertTrue(Cmd.check("tc", "-n", net.a, "qdisc", "show", "dev", "va").stdout().contains("tbf 5:"), "left as it was");
    }
  }
}
