#!/bin/sh
# tests/tables.sh: to-csv --dir end to end: all four tables, atomic
# replacement, --append, a libcsv round trip, SQLite import.
. tests/lib.sh

stream=$t/stream
"$BIN/normalize" samples | "$BIN/split-sentences" > "$stream"

# All four tables, with headers, even when the stream has no E or N.
"$BIN/to-csv" --dir "$t/out" < "$stream"
for tb in documents sentences entities numbers; do
	check "tables: $tb.csv written with header" \
	    grep -q '^doc_id,' "$t/out/$tb.csv"
done
check "tables: no temporary files left" \
    test -z "$(find "$t/out" -name '.*')"
check "tables: documents.csv has one row per D record" test \
    "$(grep -c '^D	' "$stream")" -eq "$(($(wc -l < "$t/out/documents.csv") - 1))"

# What libcsv's strict parser reads back is what the stream held.
for pair in sentences:S documents:D; do
	tb=${pair%:*} ty=${pair#*:}
	"$TESTBIN/csvcat" < "$t/out/$tb.csv" | sed 1d | cut -f2- > "$t/$tb.back"
	grep "^$ty	" "$stream" | cut -f2- > "$t/$tb.want"
	[ "$tb" = documents ] && cut -f1-3 "$t/$tb.back" > "$t/$tb.b3" &&
	    mv "$t/$tb.b3" "$t/$tb.back"
	check "tables: $tb.csv reads back as the stream's $ty fields" \
	    same "$t/$tb.back" "$t/$tb.want"
done

# Counts in documents.csv come from the stream.
# (csvcat writes a TAB before each field: column 5, sentences, is -f6.)
check "tables: sentence counts add up" test \
    "$("$TESTBIN/csvcat" < "$t/out/documents.csv" |
	awk -F'\t' 'NR > 1 { n += $6 } END { print n }')" \
    -eq "$(grep -c '^S	' "$stream")"

# A failed run leaves the old tables exactly as they were.
cp -r "$t/out" "$t/before"
{ head -5 "$stream"; echo "S	broken"; } | "$BIN/to-csv" --dir "$t/out" \
    2>"$t/err"
check "tables: malformed stream exits 1" test $? -eq 1
check "tables: error names the line" grep -q 'stdin:6:' "$t/err"
check "tables: failed run keeps old tables" diff -r "$t/before" "$t/out"
check "tables: failed run leaves no temporary files" \
    test -z "$(find "$t/out" -name '.*')"

# --append adds rows, writes the header once, and is atomic too.
"$BIN/to-csv" --dir "$t/app" < "$stream"
"$BIN/to-csv" --dir "$t/app" --append < "$stream"
check "tables: --append doubles the rows" test \
    "$(($(wc -l < "$t/app/documents.csv") - 1))" -eq \
    "$((2 * ($(wc -l < "$t/out/documents.csv") - 1)))"
check "tables: --append writes one header" test \
    "$(grep -c '^doc_id,' "$t/app/sentences.csv")" -eq 1
cp "$t/app/sentences.csv" "$t/app.before"
printf 'D\tx\ty\t\nS\tx\t1\t1\tok\nbad line\n' |
    "$BIN/to-csv" --dir "$t/app" --append 2>/dev/null
check "tables: failed --append leaves the table as it was" \
    same "$t/app.before" "$t/app/sentences.csv"

# SQLite imports the same rows and gives the same text back.
if command -v sqlite3 >/dev/null 2>&1; then
	db=$t/lede.db
	for tb in documents sentences entities numbers; do
		sqlite3 "$db" ".import --csv $t/out/$tb.csv $tb"
	done
	for tb in documents sentences; do
		check "sqlite: $tb row count" test \
		    "$(sqlite3 "$db" "select count(*) from $tb")" -eq \
		    "$("$TESTBIN/csvcat" < "$t/out/$tb.csv" | sed 1d | wc -l)"
	done
	sqlite3 "$db" "select text from sentences order by rowid" \
	    > "$t/sqlite.text"
	cut -f4 "$t/sentences.want" | sed 's/\\\\/\\/g' > "$t/stream.text"
	check "sqlite: sentence text comes back byte for byte" \
	    same "$t/sqlite.text" "$t/stream.text"
else
	fail "sqlite: sqlite3 not installed (scripts/install-deps installs it)"
fi
