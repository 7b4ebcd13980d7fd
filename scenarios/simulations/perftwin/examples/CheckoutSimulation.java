package perftwin.examples;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * A shopper's journey on the demo service, as a plain Gatling simulation: look at an item, think,
 * check it out. perftwin runs it unchanged (scenarios/checkout-gatling.yaml) and converts
 * Gatling's simulation.log into its own results.
 *
 * <p>Settings come from system properties, so that perftwin (or anyone) can point it elsewhere:
 * {@code perftwin.target} (base URL, set by perftwin to the target it started),
 * {@code checkout.rate} (new shoppers per second, default 20), {@code checkout.duration}
 * (seconds, default 20), {@code checkout.skus} (CSV file, default data/skus.csv beside the sources folder).
 */
public class CheckoutSimulation extends Simulation {

  private final String target = System.getProperty("perftwin.target", "http://127.0.0.1:8080");
  private final double rate = Double.parseDouble(System.getProperty("checkout.rate", "20"));
  private final long seconds = Long.parseLong(System.getProperty("checkout.duration", "20"));
  // perftwin passes the sources folder (scenarios/simulations); the CSV sits beside it in scenarios/data.
  private final String skus = System.getProperty("checkout.skus",
      java.nio.file.Path.of(System.getProperty("perftwin.simulationSources", "scenarios/simulations"))
          .resolveSibling("data").resolve("skus.csv").toString());

  private final FeederBuilder<String> feeder = csv(skus).circular();

  private final HttpProtocolBuilder httpProtocol = http.baseUrl(target)
      .acceptHeader("application/json")
      .shareConnections();

  private final ScenarioBuilder shopper = scenario("shopper")
      .feed(feeder)
      .exec(http("item").get("/items/#{sku}").check(status().is(200)))
      .pause(Duration.ofMillis(100))
      .exec(http("checkout").post("/checkout")
          .header("Content-Type", "application/json")
          .body(StringBody("{\"sku\": \"#{sku}\", \"quantity\": #{quantity}, \"price\": #{price}}"))
          .check(status().is(200), jsonPath("$.ok").ofBoolean().is(true)));

  {
    setUp(shopper.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
        .protocols(httpProtocol);
  }
}
