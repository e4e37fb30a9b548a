// What Java code and BI tools send through the real pgJDBC driver: setString binds a
// character varying parameter to body @> ?, which must resolve to text @> phrase, use
// gin_phrase_ops and keep phrase validation; DatabaseMetaData of the BI views must show only
// types BI tools read. Prints TAP lines ("ok N - ..."), as the shell tests in test/t do.
// Connects to PGHOST/PGPORT/PGUSER/PGDATABASE; run by test/t/030_jdbc.sh.
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.*;
import java.util.*;

public class ClientsTest {
    private static int n = 0;
    private static int failed = 0;

    private static void ok(boolean pass, String what, Object got) {
        n++;
        System.out.println((pass ? "ok " : "not ok ") + n + " - " + what);
        if (!pass) {
            failed++;
            System.out.println("#   got: " + got);
        }
    }

    private static List<Integer> ids(PreparedStatement ps) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getInt(1));
        }
        return out;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://" + env("PGHOST", "127.0.0.1") + ":" + env("PGPORT", "5432")
            + "/" + env("PGDATABASE", "postgres");
        Properties props = new Properties();
        props.setProperty("user", env("PGUSER", "postgres"));
        // a server-side prepared statement from the first execution, as pooled BI connections use
        props.setProperty("prepareThreshold", "1");
        String seed = Files.readString(Path.of(args.length > 0 ? args[0] : "test/data/seed.txt"));
        try (Connection c = DriverManager.getConnection(url, props)) {
            setUp(c, seed);
            section("typed parameters", () -> typedParameters(c));
            section("validation", () -> validation(c));
            section("index use", () -> indexUse(c));
            section("BI metadata", () -> biMetadata(c));
            exec(c, "DROP TABLE jdbc_docs, jdbc_articles CASCADE");
        }
        System.out.println("# jdbc: " + (n - failed) + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    private interface Section {
        void run() throws SQLException;
    }

    // an exception in one group of checks is one failure; the other groups still run
    private static void section(String name, Section body) {
        try {
            body.run();
        } catch (SQLException e) {
            ok(false, name + " raised " + e.getSQLState(), e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static void setUp(Connection c, String seed) throws SQLException {
        exec(c, "DROP TABLE IF EXISTS jdbc_docs, jdbc_articles CASCADE");
        exec(c, "CREATE TABLE jdbc_docs (id int PRIMARY KEY, body text)");
        exec(c, "INSERT INTO jdbc_docs VALUES (1, 'Russia walked back its offer'),"
              + " (2, 'walked home, then back'), (3, 'It was WALKED BACK twice'), (4, NULL)");
        exec(c, "CREATE INDEX jdbc_docs_phrase ON jdbc_docs USING gin (body gin_phrase_ops)");
        exec(c, "CREATE TABLE jdbc_articles (id int PRIMARY KEY, body text)");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jdbc_articles VALUES (1, ?), (2, NULL)")) {
            ps.setString(1, seed);
            ps.executeUpdate();
        }
    }

    private static void typedParameters(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jdbc_docs WHERE body @> ? ORDER BY id")) {
            ps.setString(1, "walked back");
            ok(ids(ps).equals(List.of(1, 3)), "setString: body @> ? finds the phrase", ids(ps));
            ps.setString(1, "Walked, BACK!");
            ok(ids(ps).equals(List.of(1, 3)), "setString: the parameter is normalised as a phrase", ids(ps));
            ps.setString(1, "walked back");
            List<Integer> again = ids(ps);
            ok(again.equals(List.of(1, 3)), "setString: the same statement again (server-side prepared)", again);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jdbc_docs WHERE ? <@ body ORDER BY id")) {
            ps.setString(1, "walked back");
            List<Integer> got = ids(ps);
            ok(got.equals(List.of(1, 3)), "setString: ? <@ body", got);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT phrase_count(body, ?), phrase_snippet(body, ?, 1) FROM jdbc_docs WHERE id = 3")) {
            ps.setString(1, "walked back");
            ps.setString(2, "walked back");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String got = rs.getInt(1) + " " + rs.getString(2);
                ok(got.equals("1 ... was <b>WALKED BACK</b> twice"), "setString: phrase_count and phrase_snippet", got);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jdbc_docs WHERE body @> ? ORDER BY id")) {
            ps.setObject(1, "walked back", Types.VARCHAR);
            List<Integer> got = ids(ps);
            ok(got.equals(List.of(1, 3)), "setObject(VARCHAR): body @> ?", got);
        }
    }

    private static void validation(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jdbc_docs WHERE body @> ?")) {
            ps.setString(1, "!!!");
            String got;
            try {
                ids(ps);
                got = "no error";
            } catch (SQLException e) {
                got = e.getSQLState() + " " + e.getMessage().split("\n")[0];
            }
            ok(got.equals("22P02 ERROR: invalid input syntax for type phrase: \"!!!\""),
               "setString: an invalid phrase is 22P02 with the phrase message", got);
        }
    }

    // auto_explain at NOTICE level reports the plan of the statement the driver really ran;
    // with force_generic_plan the parameter is not folded into a constant
    private static void indexUse(Connection c) throws SQLException {
        exec(c, "LOAD 'auto_explain'");
        exec(c, "SET auto_explain.log_min_duration = 0");
        exec(c, "SET auto_explain.log_level = notice");
        exec(c, "SET plan_cache_mode = force_generic_plan");
        exec(c, "SET enable_seqscan = off");
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM jdbc_docs WHERE body @> ?")) {
            ps.setString(1, "walked back");
            ids(ps);
            StringBuilder plans = new StringBuilder();
            for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning())
                plans.append(w.getMessage()).append('\n');
            String plan = plans.toString();
            ok(plan.contains("Bitmap Index Scan on jdbc_docs_phrase") && plan.contains("($1)::phrase"),
               "setString: the generic plan uses gin_phrase_ops with the bound parameter", plan);
        }
        exec(c, "RESET enable_seqscan");
        exec(c, "RESET plan_cache_mode");
        exec(c, "RESET auto_explain.log_min_duration");
    }

    private static final Set<String> BI_TYPES = Set.of("text", "varchar", "int4", "int8", "date");

    private static void biMetadata(Connection c) throws SQLException {
        // the README's recipes
        exec(c, "CREATE VIEW jdbc_article_facts AS SELECT a.id, f.* "
              + "FROM jdbc_articles a, LATERAL parse_article_flat(a.body) f");
        exec(c, "CREATE VIEW jdbc_article_entity_rows AS "
              + "SELECT a.id AS article_id, e.entity, e.kind, e.mentions, e.first_position "
              + "FROM jdbc_articles a, LATERAL article_entities(a.body) e");
        // what BI tools cannot read: arrays, the composite, phrase
        exec(c, "CREATE VIEW jdbc_article_arrays AS SELECT a.id, p.people, parse_article(a.body) AS parsed, "
              + "'walked back'::phrase AS query FROM jdbc_articles a, LATERAL parse_article(a.body) p");
        DatabaseMetaData md = c.getMetaData();
        for (String view : List.of("jdbc_article_facts", "jdbc_article_entity_rows")) {
            List<String> bad = new ArrayList<>();
            int columns = 0;
            try (ResultSet rs = md.getColumns(null, null, view, "%")) {
                while (rs.next()) {
                    columns++;
                    int type = rs.getInt("DATA_TYPE");
                    String name = rs.getString("TYPE_NAME");
                    if (!BI_TYPES.contains(name) || type == Types.ARRAY || type == Types.OTHER
                        || type == Types.STRUCT)
                        bad.add(rs.getString("COLUMN_NAME") + ":" + name + "/" + type);
                }
            }
            ok(columns > 0 && bad.isEmpty(), "DatabaseMetaData: " + view + " has " + columns
               + " columns, all text/varchar/int/date", bad);
        }
        List<String> seen = new ArrayList<>();
        try (ResultSet rs = md.getColumns(null, null, "jdbc_article_arrays", "%")) {
            while (rs.next()) seen.add(rs.getString("COLUMN_NAME") + ":" + rs.getInt("DATA_TYPE"));
        }
        ok(seen.equals(List.of("id:" + Types.INTEGER, "people:" + Types.ARRAY, "parsed:" + Types.STRUCT,
                               "query:" + Types.OTHER)),
           "DatabaseMetaData: the check sees arrays, composites and phrase (ARRAY, STRUCT, OTHER)", seen);
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT people_list, places_list, published FROM jdbc_article_facts "
                                            + "WHERE id = 1")) {
            rs.next();
            ResultSetMetaData rmd = rs.getMetaData();
            String got = rmd.getColumnTypeName(1) + " " + rmd.getColumnTypeName(3) + " | "
                + rs.getString(1) + " | " + rs.getDate(3);
            ok(got.equals("text date | John Kerry; Sergei Lavrov; Barack Obama; Bashar al-Assad; Theresa May"
                          + " | 2016-09-04"), "flat columns read as text and date", got);
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT article_id) "
                                            + "FROM jdbc_article_entity_rows WHERE kind = 'place'")) {
            rs.next();
            String got = rs.getInt(1) + " " + rs.getInt(2);
            ok(got.equals("10 1"), "entity table: one row per article and entity", got);
        }
    }
}
