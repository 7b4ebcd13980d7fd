package io.perftwin.shaping;

/**
 * How packets are dropped: independently at random ({@link Random}) or in bursts by the
 * Gilbert–Elliott two-state model ({@link GilbertElliott}, netem's {@code loss gemodel}).
 */
public sealed interface LossModel {

  /** The long-run fraction of packets dropped, 0–1. */
  double meanLossRatio();

  /** Drops each packet independently with probability {@code ratio} (0–1). */
  record Random(double ratio) implements LossModel {
    public Random {
      Checks.ratio("loss", ratio);
    }

    @Override
    public double meanLossRatio() {
      return ratio;
    }
  }

  /**
   * Gilbert–Elliott: a good and a bad state; {@code p} is the probability of moving good→bad,
   * {@code r} bad→good, {@code oneMinusH} the loss probability in the bad state, {@code oneMinusK}
   * the loss probability in the good state. All are ratios 0–1 (netem's {@code p r 1-h 1-k}).
   */
  record GilbertElliott(double p, double r, double oneMinusH, double oneMinusK) implements LossModel {
    public GilbertElliott {
      Checks.ratio("loss.p", p);
      Checks.ratio("loss.r", r);
      Checks.ratio("loss.1-h", oneMinusH);
      Checks.ratio("loss.1-k", oneMinusK);
      if (p + r == 0) {
        throw new IllegalArgumentException("loss.p and loss.r cannot both be 0% (the chain would never leave its first state)");
      }
    }

    /** Stationary loss: π_bad·(1-h) + π_good·(1-k) with π_bad = p/(p+r). */
    @Override
    public double meanLossRatio() {
      double bad = p / (p + r);
      return bad * oneMinusH + (1 - bad) * oneMinusK;
    }
  }
}
