#!/usr/bin/env bash
# Nothing in newsext reads files, environment variables or settings that a user controls:
# every result depends on the function's arguments only (and so can sit in an index).
# A read of a file the installation owns (say a model under the share directory) must say
# so on its line with the marker "newsext: trusted read".
set -uo pipefail
. "$(dirname "$0")/tap.sh"
cd "$(dirname "$0")/../.." || exit 1
hits=$(grep -nE '\b(getenv|secure_getenv|GetConfigOption|GetConfigOptionByName|GetConfigOptionResetString|AllocateFile|OpenTransientFile|PathNameOpenFile|fopen|open|current_setting|pg_read_file|pg_read_binary_file|lo_import)[[:space:]]*\(' \
       src/*.c src/*.h src/core/*.c src/core/*.h src/sql/*.sql 2>/dev/null | grep -v 'newsext: trusted read')
is "$hits" "" "no file, environment or setting reads in src/"
hits=$(grep -niE 'security[[:space:]]+definer|^[[:space:]]*set[[:space:]]+search_path' src/sql/*.sql)
is "$hits" "" "no SECURITY DEFINER or search_path games in the install script"
hits=$(grep -niE 'create[[:space:]]+or[[:space:]]+replace' src/sql/*.sql)
is "$hits" "" "no CREATE OR REPLACE in the install script"
