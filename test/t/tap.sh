# shellcheck shell=bash
# Source this file: small TAP helpers for the shell tests in test/t.
PSQL=${PSQL:-$PGBIN/psql}
tap_n=0
# q DB SQL: one value, errors as "ERROR <sqlstate>: <message>"
q() {
    local db=$1; shift
    PGCLIENTENCODING=${PGCLIENTENCODING:-UTF8} "$PSQL" -X -q -At -d "$db" -v VERBOSITY=sqlstate \
        -c "\\set VERBOSITY verbose" -c "$*" 2>&1 | sed -n '1{s/^ERROR:  \([0-9A-Z]\{5\}\): /ERROR \1: /;p}'
}
# is GOT WANT DESCRIPTION
is() {
    tap_n=$((tap_n + 1))
    if [ "$1" = "$2" ]; then
        echo "ok $tap_n - $3"
    else
        echo "not ok $tap_n - $3"
        echo "#   got:  $1"
        echo "#   want: $2"
    fi
}
