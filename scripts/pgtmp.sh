# Source this file: a throwaway PostgreSQL on a loopback port, as the postgres user.
# pgtmp_start exports PGHOST, PGPORT, PGUSER; pgtmp_stop stops it and removes its directory.
PGMAJOR=${PGMAJOR:-15}
# the server binaries that belong to the pg_config the build used (a private copy works too)
PGBIN=${PGBIN:-$(${PG_CONFIG:-/usr/lib/postgresql/$PGMAJOR/bin/pg_config} --bindir)}

pgtmp_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pgtmp_start() {
    PGTMP_DIR=$(mktemp -d /tmp/newsext-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres: "$PGTMP_DIR"
    local port=${PGTMP_PORT:-54329}
    while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
    pgtmp_as_owner "$PGBIN/initdb" -D "$PGTMP_DIR/data" -U postgres --auth=trust -E UTF8 \
        --locale=C.UTF-8 >"$PGTMP_DIR/initdb.log" 2>&1 || { cat "$PGTMP_DIR/initdb.log" >&2; return 1; }
    pgtmp_as_owner "$PGBIN/pg_ctl" -D "$PGTMP_DIR/data" -l "$PGTMP_DIR/server.log" -w -t 60 \
        -o "-p $port -k $PGTMP_DIR -c listen_addresses=127.0.0.1 -c fsync=off ${PGTMP_OPTS:-}" start >/dev/null \
        || { cat "$PGTMP_DIR/server.log" >&2; return 1; }
    export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres PGTMP_DIR
    trap pgtmp_stop EXIT
}

pgtmp_stop() {
    [ -n "${PGTMP_DIR:-}" ] || return 0
    pgtmp_as_owner "$PGBIN/pg_ctl" -D "$PGTMP_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP_DIR"
    PGTMP_DIR=
}
