# newsext - PGXS build. The version lives in newsext.control only.
EXTENSION   = newsext
EXTVERSION  = $(shell sed -n "s/^default_version *= *'\(.*\)'/\1/p" newsext.control)
MODULE_big  = newsext

# plain-C core (no PostgreSQL headers) and the thin PostgreSQL layer
CORE_SRCS   = $(sort $(wildcard src/core/*.c))
# the core's one C++ file: the C shim over CLD2 (language identification, langid.h)
CORE_CXX_SRCS = $(sort $(wildcard src/core/*.cpp))
PGLAYER_SRCS = $(sort $(wildcard src/*.c))
OBJS        = $(PGLAYER_SRCS:.c=.o) $(CORE_SRCS:.c=.o) $(CORE_CXX_SRCS:.cpp=.o)

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
CLD2_LIBS    = -lcld2 -lstdc++
SHLIB_LINK   = $(PCRE2_LIBS) $(UTF8PROC_LIBS) $(CLD2_LIBS) -lm
PG_CXXFLAGS  = -Isrc/core

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
CORE_LIBS     = $(PCRE2_LIBS) $(UTF8PROC_LIBS) $(CLD2_LIBS) -lm
CORE_CXX     ?= g++
CORE_CXX_OBJS = $(CORE_CXX_SRCS:.cpp=.core.o)
EXTRA_CLEAN  += $(CORE_CXX_OBJS)

# PGXS tracks the headers of C files only: the C++ shim's objects name theirs
$(CORE_CXX_SRCS:.cpp=.o) $(CORE_CXX_SRCS:.cpp=.bc): src/core/langid.h
%.core.o: %.cpp src/core/langid.h
	$(CORE_CXX) -std=c++11 -O2 -g -Wall -Isrc/core -c -o $@ $<

newsext: $(CORE_SRCS) $(CORE_CXX_OBJS) tools/cli/main.c $(wildcard src/core/*.h src/core/*.inc)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core $(PCRE2_CFLAGS) -DNEWSEXT_VERSION=\"$(EXTVERSION)\" -o $@ tools/cli/main.c $(CORE_SRCS) $(CORE_CXX_OBJS) $(CORE_LIBS)

UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
UNIT_BINS = $(UNIT_SRCS:.c=.bin)

test/unit/%.bin: test/unit/%.c $(CORE_SRCS) $(CORE_CXX_OBJS) $(wildcard src/core/*.h src/core/*.inc)
	$(CORE_CC) $(CORE_CFLAGS) -Isrc/core -Itest/unit $(PCRE2_CFLAGS) -o $@ $< $(CORE_SRCS) $(CORE_CXX_OBJS) $(CORE_LIBS) -lcmocka

# the phrase tests once more on the portable (byte-loop) scan of phrase_ascii.c, which
# builds without SSE2 use
UNIT_BINS += test/unit/test_phrase_portable.bin
test/unit/test_phrase_portable.bin: test/unit/test_phrase.c $(CORE_SRCS) $(CORE_CXX_OBJS) $(wildcard src/core/*.h src/core/*.inc)
	$(CORE_CC) $(CORE_CFLAGS) -U__SSE2__ -Isrc/core -Itest/unit $(PCRE2_CFLAGS) -o $@ $< $(CORE_SRCS) $(CORE_CXX_OBJS) $(CORE_LIBS) -lcmocka

unit: $(UNIT_BINS) newsext
	@bash scripts/run-unit.sh $(UNIT_BINS)

# --- self-installing entry points (the README's two commands) --------------
.PHONY: test-versions test demo eval bench fuzz model unit stress valgrind deps phrase-words check-upgrade
deps:
	bash scripts/deps.sh

test:
	bash scripts/test.sh

demo:
	bash scripts/demo.sh

# upgrade from the previous release against a fresh install, and a pg_dump/pg_restore round
# trip, on a throwaway server (test/upgrade/check.sh)
check-upgrade: install
	bash test/upgrade/check.sh

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

# newsext on a Citus cluster (coordinator + 2 workers, then a third), given a Citus
# installation in the PostgreSQL that PG_CONFIG names; says "skipped" without one
.PHONY: test-citus
test-citus: install
	bash test/citus/run.sh

# --- month and weekday names from CLDR (ICU), generated once and committed -------
# (needs libicu-dev; the extension itself does not link ICU)
.PHONY: locale-names
locale-names:
	$(CORE_CC) -std=c99 -O1 -o tools/locale_names/gen_locale_names tools/locale_names/gen_locale_names.c -licui18n -licuuc -lutf8proc
	tools/locale_names/gen_locale_names > src/core/locale_names.inc
	rm -f tools/locale_names/gen_locale_names
