package dev.ben.streams.store.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ben.streams.store.AnalyticalStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Web analytics of one beacon pipeline from its schema tables: page views (events stored), visits
 * (distinct visitors, the day's keyed hash the beacon endpoint puts in {@code visitor}; page views
 * when the table keeps no visitor), and the top pages, referrers and status codes. A table not
 * created yet (nothing stored) counts nothing. Rankings of several tables are merged from each
 * table's top entries. Blocks; fails with the store's {@link dev.ben.streams.store.StoreException}.
 */
public final class BeaconQuery {

  public static final String PAGE = "path";
  public static final String STATUS = "status";
  public static final String REFERRER = "referrer";
  public static final String VISITOR = "visitor";

  /**
   * A table of beacons (its schema has {@value #PAGE} and {@value #STATUS}) and whether it keeps
   * {@value #REFERRER} and {@value #VISITOR}.
   */
  public record Table(String table, boolean referrer, boolean visitor) {}

  /** A ranked value (a page, a referrer, a status code) and how many events had it. */
  public record Count(JsonNode value, long count) {}

  public record Figures(
      long visits,
      long pageViews,
      List<Count> pages,
      List<Count> referrers,
      List<Count> statusCodes) {

    public Figures {
      pages = List.copyOf(pages);
      referrers = List.copyOf(referrers);
      statusCodes = List.copyOf(statusCodes);
    }
  }

  private final AnalyticalStore store;

  public BeaconQuery(AnalyticalStore store) {
    this.store = store;
  }

  /**
   * The figures of events received at or after {@code fromSeconds}, rankings cut at {@code top}.
   */
  public Figures read(List<Table> tables, long fromSeconds, int top) {
    long visits = 0;
    long pageViews = 0;
    List<List<Count>> pages = new ArrayList<>();
    List<List<Count>> referrers = new ArrayList<>();
    List<List<Count>> statuses = new ArrayList<>();
    for (Table table : tables) {
      if (!store.tableExists(table.table())) {
        continue;
      }
      ObjectNode totals = rows(BeaconSql.totals(store.embedded(), table, fromSeconds)).get(0);
      long views = totals.path("page_views").asLong();
      pageViews += views;
      visits += table.visitor() ? totals.path("visitors").asLong() : views;
      pages.add(ranking(table, PAGE, true, fromSeconds, top));
      statuses.add(ranking(table, STATUS, false, fromSeconds, top));
      if (table.referrer()) {
        referrers.add(ranking(table, REFERRER, true, fromSeconds, top));
      }
    }
    return new Figures(
        visits, pageViews, merged(pages, top), merged(referrers, top), merged(statuses, top));
  }

  private List<Count> ranking(Table table, String column, boolean text, long fromSeconds, int top) {
    return rows(BeaconSql.ranking(store.embedded(), table, column, text, fromSeconds, top)).stream()
        .map(row -> new Count(row.get("ranked"), row.path("n").asLong()))
        .toList();
  }

  private List<ObjectNode> rows(BeaconSql sql) {
    return store.queryJson(sql.text(), sql.parameters());
  }

  /** Counts of equal values added up, most frequent first, ties by value as text. */
  static List<Count> merged(List<List<Count>> rankings, int top) {
    Map<String, Count> byValue = new LinkedHashMap<>();
    for (List<Count> ranking : rankings) {
      for (Count count : ranking) {
        byValue.merge(
            count.value().asText(), count, (a, b) -> new Count(a.value(), a.count() + b.count()));
      }
    }
    return byValue.values().stream()
        .sorted(
            Comparator.comparingLong(Count::count)
                .reversed()
                .thenComparing(c -> c.value().asText()))
        .limit(top)
        .toList();
  }
}
