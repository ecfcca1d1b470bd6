#!/bin/sh
# tests/install.sh: make install puts programs, scripts and man pages under
# PREFIX (inside DESTDIR), and the installed pipeline script finds its
# programs there.
. tests/lib.sh

make -s install DESTDIR="$t/root" PREFIX=/opt/lede BIN="$BIN" >/dev/null 2>&1
check "install: make install succeeds" test $? -eq 0
for p in "$BIN"/*; do
	check "install: program ${p##*/}" test -x "$t/root/opt/lede/bin/${p##*/}"
	check "install: man page ${p##*/}.1" \
	    test -f "$t/root/opt/lede/share/man/man1/${p##*/}.1"
done
check "install: record(5)" test -f "$t/root/opt/lede/share/man/man5/record.5"
check "install: articles-to-csv" test -x "$t/root/opt/lede/bin/articles-to-csv"
check "install: load-sqlite" test -x "$t/root/opt/lede/bin/load-sqlite"
PATH=/usr/bin:/bin "$t/root/opt/lede/bin/articles-to-csv" -q -o "$t/out" \
    samples 2>"$t/err"
check "install: installed articles-to-csv runs the pipeline" \
    test -s "$t/out/sentences.csv"
if command -v sqlite3 >/dev/null 2>&1; then
	PATH=/usr/bin:/bin "$t/root/opt/lede/bin/articles-to-csv" -q \
	    -o "$t/out2" --db "$t/lede.db" samples 2>"$t/err"
	check "install: installed articles-to-csv --db finds load-sqlite" \
	    test -s "$t/lede.db"
fi
