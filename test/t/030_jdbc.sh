#!/usr/bin/env bash
# pgJDBC (Debian's libpostgresql-jdbc-java): setString parameters with @>, <@, phrase_count
# and phrase_snippet, the index with a bound parameter, phrase validation, and
# DatabaseMetaData of the BI views (test/jdbc/ClientsTest.java prints the TAP lines).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
# a database of its own with the extension (test/t/run.sh connects to postgres)
export PGDATABASE=newsext_drivers_$$
"$PGBIN/psql" -X -q -d postgres -c "CREATE DATABASE $PGDATABASE" || exit 1
trap '"$PGBIN/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE"' EXIT
"$PGBIN/psql" -X -q -c "CREATE EXTENSION newsext" || exit 1
jar=${PGJDBC_JAR:-/usr/share/java/postgresql.jar}
if ! command -v javac >/dev/null || [ ! -f "$jar" ]; then
    echo "not ok 1 - javac or $jar missing (scripts/deps.sh installs default-jdk-headless and libpostgresql-jdbc-java)"
    exit 1
fi
out=$(mktemp -d /tmp/newsext-jdbc.XXXXXX)
trap 'rm -rf "$out"; "$PGBIN/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE"' EXIT
javac -d "$out" -cp "$jar" test/jdbc/ClientsTest.java || { echo "not ok 1 - test/jdbc/ClientsTest.java does not compile"; exit 1; }
java -cp "$out:$jar" ClientsTest test/data/seed.txt
