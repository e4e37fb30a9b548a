# newsext - PGXS build. The version lives in newsext.control only.
EXTENSION   = newsext
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" newsext.control)
MODULE_big  = newsext

# plain-C core (no PostgreSQL headers) and the thin PostgreSQL layer
CORE_SRCS   = $(sort $(wildcard src/core/*.c))
PGLAYER_SRCS = $(sort $(wildcard src/*.c))
OBJS        = $(PGLAYER_SRCS:.c=.o) $(CORE_SRCS:.c=.o)

# the install script is the concatenation of src/sql/*.sql, in name order
SQL_PARTS   = $(sort $(wildcard src/sql/*.sql))
DATA_built  = $(EXTENSION)--$(EXTVERSION).sql
DATA        = $(sort $(wildcard model/*.bin))
# upgrade scripts, and the previous release's install script (kept for make check-upgrade)
DATA       += $(sort $(wildcard src/upgrade/$(EXTENSION)--*.sql))

# pg_regress suite: one file per concern in sql/, expected output in expected/
REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)
EXTRA_CLEAN  = $(DATA_built) newsext test/unit/*.bin test/fuzz/*.bin results regression.diffs regression.out

PKG_CONFIG ?= pkg-config
PCRE2_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS   := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null)
UTF8PROC_LIBS := -lutf8proc
PG_CPPFLAGS  = -Isrc/core $(PCRE2_CFLAGS) -DNEWSEXT_VERSION=\"$(EXTVERSION)\"
PG_CFLAGS    = -std=gnu99 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
# rebuild objects when a header they include changes (PGXS tracks none by default); in
# PG_CFLAGS, so only the gcc compile writes the .d files, not the bitcode one
PG_CFLAGS   += -MMD -MP
SHLIB_LINK   = $(PCRE2_LIBS) $(UTF8PROC_LIBS) -lm

# Debian's server-side pg_config first: it knows where PGXS lives
PG_CONFIG ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) pg_config)
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(PGXS),)
include $(PGXS)
else
# without the server headers only the self-installing targets work
all:
	@echo "postgresql-server-dev is not installed: run 'make test' or 'make demo', which install it" >&2; exit 1
endif

-include $(OBJS:.o=.d)
EXTRA_CLEAN += $(OBJS:.o=.d)

$(DATA_built): $(SQL_PARTS) newsext.control
	cat $(SQL_PARTS) > $@

# --- the core on its own: CLI, unit tests ---------------------------------
CORE_CC      ?= cc
CORE_CFLAGS  ?= -std=c99 -O2 -g -Wall -Wextra -Wno-unused-parameter -D_POSIX_C_SOURCE=200809L
# COPT (e.g. COPT=-Werror, as make test-versions passes) reaches PGXS's CFLAGS and this build
CORE_CFLAGS  += $(COPT)
CORE_LIBS     = $(PCRE2_LIBS) $(UTF8PROC_LIBS) -lm

newsext: $(CORE_SRCS) tools/cli/main.c $(wildcard src/core/*.h src/core/*.inc)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(PCRE2_CFLAGS) -DNEWSEXT_VERSION=\"$(EXTVERSION)\" -o $@ tools/cli/main.c $(CORE_SRCS) $(CORE_LIBS)

UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:.c=.bin)

test/unit/%.bin: test/unit/%.c $(CORE_SRCS) $(wildcard src/core/*.h src/core/*.inc)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/unit $(PCRE2_CFLAGS) -o $@ $< $(CORE_SRCS) $(CORE_LIBS) -lcmocka

# the phrase tests once more on the portable (byte-loop) scan of phrase_ascii.c, which
# builds without SSE2 use
UNIT_BINS += test/unit/test_phrase_portable.bin
test/unit/test_phrase_portable.bin: test/unit/test_phrase.c $(CORE_SRCS) $(wildcard src/core/*.h src/core/*.inc)
	$(CORE_CC) $(CORE_CFLAGS) -U__SSE2__ -Isrc/core -Itest/unit $(PCRE2_CFLAGS) -o $@ $< $(CORE_SRCS) $(CORE_LIBS) -lcmocka

unit: $(UNIT_BINS) newsext
	@bash scripts/run-unit.sh $(UNIT_BINS)

# --- self-installing entry points (the README's two commands) --------------
.PHONY: test-versions test demo eval bench fuzz model unit stress valgrind deps phrase-words
deps:
	bash scripts/deps.sh

test:
	bash scripts/test.sh

demo:
	bash scripts/demo.sh

# the PostgreSQL 15-19 matrix (scripts/test-versions.sh; README "Supported PostgreSQL versions")
test-versions:
	bash scripts/test-versions.sh

eval:
	bash scripts/eval.sh

bench:
	bash bench/run.sh

fuzz:
	bash test/fuzz/run.sh

valgrind:
	bash scripts/valgrind.sh

stress:
	bash scripts/stress.sh

model:
	bash tools/model/build.sh

# the common-word list of gin_phrase_ops keys (part of the key format: see doc/phrase-words.md)
NEWSEXT_DATA ?= ../shared/data
phrase-words: newsext
	/usr/bin/python3 tools/phrase/common_words.py $(NEWSEXT_DATA) src/core/phrase_words.inc
