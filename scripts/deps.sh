#!/usr/bin/env bash
# Install what newsext needs to build and test, when it is missing (Debian 12 / PostgreSQL 15).
set -euo pipefail
PGMAJOR=${PGMAJOR:-15}
need=()
for pkg in "postgresql-$PGMAJOR" "postgresql-server-dev-$PGMAJOR" postgresql-contrib libpcre2-dev \
           libutf8proc-dev libcld2-dev libcmocka-dev pkg-config gcc make python3 python3-psycopg2 \
           default-jdk-headless libpostgresql-jdbc-java ${EXTRA_DEBS:-}; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "newsext: missing packages: ${need[*]} (run as root, or install them)" >&2
        exit 1
    fi
    echo "newsext: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
