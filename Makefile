# lede: small filters that turn raw news articles into CSV tables.
#
#   make            build every program into bin/
#   make run        run the pipeline on samples/ into out/
#   make test       build, run every test, then again under ASan + UBSan
#   make install    install programs, scripts and man pages under PREFIX
include config.mk

# Missing libraries are installed before pkg-config is asked about them.
ifeq ($(filter clean,$(MAKECMDGOALS)),)
ifneq ($(shell sh scripts/install-deps --check 2>/dev/null && echo ok),ok)
$(info make: some libraries are missing; running scripts/install-deps)
DEPS_STATUS := $(shell sh scripts/install-deps >&2 && echo ok)
ifneq ($(DEPS_STATUS),ok)
$(error scripts/install-deps failed; install the libraries named above)
endif
endif
endif

OUT = build
BIN = bin
SANFLAGS =
CFLAGS = -std=c99 -D_GNU_SOURCE $(OPTFLAGS) $(WARNFLAGS) $(SANFLAGS) \
	-DVERSION='"$(VERSION)"' -Icommon -I$(OUT)/gen \
	$$(pkg-config --cflags $(PKGS))
LDLIBS = $$(pkg-config --libs $(PKGS)) $(CSVLIBS)

# Every filters/NAME.c is a program; every common/NAME.c is linked into all.
PROGS = $(basename $(notdir $(wildcard filters/*.c)))
COMMON = $(basename $(notdir $(wildcard common/*.c)))
UNITS = $(basename $(notdir $(wildcard tests/unit-*.c)))
LEXICONS = $(basename $(notdir $(wildcard common/lexicons/*.tsv)))
GEN = $(LEXICONS:%=$(OUT)/gen/lex_%.h)
COMMON_OBJ = $(COMMON:%=$(OUT)/obj/%.o)
# An archive, so each program links only the common objects it uses.
LIB = $(OUT)/libcommon.a
HDR = $(wildcard common/*.h) $(GEN)

all: $(PROGS:%=$(BIN)/%)

$(OUT)/gen/lex_%.h: common/lexicons/%.tsv scripts/lex2c
	@mkdir -p $(@D)
	sh scripts/lex2c $* < $< > $@.tmp && mv $@.tmp $@

$(OUT)/obj/%.o: common/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(OUT)/obj/filter-%.o: filters/%.c $(HDR)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(LIB): $(COMMON_OBJ)
	rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

$(BIN)/%: $(OUT)/obj/filter-%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

# Unit tests: tests/unit-NAME.c, each a program linked with common/.
$(OUT)/%: tests/%.c tests/unit.h $(LIB) $(HDR)
	$(CC) $(CFLAGS) -Itests -o $@ $< $(LIB) $(LDLIBS)

# The sanitizer build lives apart from the normal one.
ASAN = OUT=build/asan BIN=build/asan/bin OPTFLAGS='-O1 -g' \
	SANFLAGS='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer'

asan:
	$(MAKE) $(ASAN) all units

# libFuzzer harnesses (tests/fuzz/fuzz-NAME.c), built by clang with ASan
# and UBSan into build/fuzz; `make fuzz` runs each for FUZZTIME seconds.
FUZZTIME = 60
FUZZERS = $(basename $(notdir $(wildcard tests/fuzz/fuzz-*.c)))
FUZZ = OUT=build/fuzz BIN=build/fuzz/bin CC=clang OPTFLAGS='-O1 -g' \
	WARNFLAGS='-Wall -Wextra -Werror -Wno-overlength-strings' \
	SANFLAGS='-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer'

$(OUT)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(LIB) $(HDR)
	$(CC) $(CFLAGS) -Itests/fuzz -fsanitize=fuzzer -Wl,--wrap=exit \
	    -o $@ $< $(LIB) $(LDLIBS)

fuzzers:
	$(MAKE) $(FUZZ) $(FUZZERS:%=build/fuzz/%)

fuzz: all fuzzers
	FUZZTIME=$(FUZZTIME) BIN=$(BIN) sh tests/fuzz/run $(FUZZERS:fuzz-%=%)

# The big resource tests (minutes, gigabytes of scratch space in TMPDIR).
stress: all units
	BIN=$(BIN) TESTBIN=$(OUT) sh tests/stress/run

# Helper programs of the tests (tests/csvcat.c: CSV back to fields).
$(OUT)/csvcat: tests/csvcat.c $(LIB) $(HDR)
	$(CC) $(CFLAGS) -o $@ $< $(LIB) $(LDLIBS)

units: $(UNITS:%=$(OUT)/%) $(OUT)/csvcat

check: all units
	BIN=$(BIN) TESTBIN=$(OUT) sh tests/all

test: check asan
	@echo "== the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    BIN=build/asan/bin TESTBIN=build/asan sh tests/all

run: all
	LEDE_BIN=$(BIN) scripts/articles-to-csv -o out --db out/lede.db samples
	@echo '== the entities mentioned most (out/lede.db, view entity_mentions)'
	@sqlite3 -header -column out/lede.db "SELECT canonical, type, \
	    mentions, documents FROM entity_mentions \
	    ORDER BY mentions DESC, canonical LIMIT 10"
	@echo '== figures per document (view document_figures)'
	@sqlite3 -header -column out/lede.db "SELECT doc_id, figures, money, \
	    percent, counts, dates, quantities FROM document_figures \
	    ORDER BY doc_id"

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5
	cp $(PROGS:%=$(BIN)/%) $(DESTDIR)$(BINDIR)/
	cp filters/*.1 $(DESTDIR)$(MANDIR)/man1/
	cp common/record.5 $(DESTDIR)$(MANDIR)/man5/
	cp scripts/articles-to-csv scripts/load-sqlite $(DESTDIR)$(BINDIR)/

# Options of scripts/bench: by default a 200 MB corpus, as issue 6 asks
# (several minutes on 2 cores); BENCHFLAGS='--size 50' for a quicker look.
BENCHFLAGS =
bench: all
	sh scripts/bench $(BENCHFLAGS)
.PHONY: bench

clean:
	rm -rf bin build out

.SECONDARY:
.PHONY: all asan units check test run install clean fuzzers fuzz stress
