#!/bin/sh
# tests/sqlite.sh: scripts/load-sqlite and articles-to-csv --db: row counts
# equal the CSV's, typed columns, primary keys, the views, and a failed
# load leaves the old database as it was.
. tests/lib.sh

command -v sqlite3 >/dev/null 2>&1 || {
	fail "sqlite: sqlite3 not installed (scripts/install-deps installs it)"
	exit 0
}
LEDE_BIN=$BIN
export LEDE_BIN
q() { sqlite3 "$db" "$1"; }

# Tables with every kind of row: the samples' stream plus hand-made E and N
# records (the entity and number filters may not be built here).
"$BIN/normalize" samples | "$BIN/split-sentences" > "$t/stream"
cat >> "$t/stream" <<'EOF'
D	x1	x1.txt	Kyiv, Ukraine
S	x1	1	1	Kyiv, Ukraine: 350 million dollars, 18% and 0.2 on March 22, 2022 in "Kyiv".
E	x1	1	0	4	LOC	Kyiv	Kyiv
E	x1	1	6	13	LOC	Ukraine	Ukraine
E	x1	1	70	74	LOC	Kyiv	Kyiv
N	x1	1	15	26	money	350 million	350000000	USD	exact	
N	x1	1	36	39	percent	18%	18	%	exact	
N	x1	1	44	47	fraction	0.2	0.2		exact	
N	x1	1	51	65	date	March 22, 2022	2022-03-22		exact	
EOF
"$BIN/to-csv" --dir "$t/out" < "$t/stream"
db=$t/lede.db
scripts/load-sqlite "$t/out" "$db"
check "sqlite: load-sqlite succeeds" test $? -eq 0
for tb in documents sentences entities numbers; do
	check "sqlite: $tb has the CSV's row count" test "$(q "select count(*) from $tb")" \
	    -eq "$("$TESTBIN/csvcat" < "$t/out/$tb.csv" | sed 1d | wc -l)"
done
check "sqlite: ids and counts are INTEGER" test "$(q "select distinct
    typeof(sentence_id) || typeof(paragraph_id) from sentences")" = integerinteger
check "sqlite: offsets are INTEGER" test "$(q "select distinct
    typeof(start) || typeof(\"end\") from entities")" = integerinteger
check "sqlite: document counts are INTEGER" \
    test "$(q "select typeof(sentences) from documents where doc_id = 'x1'")" = integer
check "sqlite: money value is a number, exact" \
    test "$(q "select value, typeof(value) from numbers where kind = 'money'")" = '350000000|integer'
check "sqlite: a decimal value is REAL" \
    test "$(q "select typeof(value) from numbers where kind = 'fraction'")" = real
check "sqlite: a date value stays text" \
    test "$(q "select value from numbers where kind = 'date'")" = 2022-03-22
check "sqlite: values sum as numbers" \
    test "$(q "select sum(value) from numbers where kind in ('percent', 'fraction')")" = 18.2
check "sqlite: sentence text comes back byte for byte" test \
    "$(q "select text from sentences where doc_id = 'x1'")" = \
    'Kyiv, Ukraine: 350 million dollars, 18% and 0.2 on March 22, 2022 in "Kyiv".'
check "sqlite: documents primary key is doc_id" test \
    "$(q "select group_concat(name) from pragma_table_info('documents') where pk > 0")" = doc_id
check "sqlite: entities primary key is doc_id, sentence_id, start, end" test \
    "$(q "select group_concat(name) from (select name from pragma_table_info('entities') where pk > 0 order by pk)")" = \
    'doc_id,sentence_id,start,end'
for ix in entities_canonical numbers_kind; do
	check "sqlite: index $ix" test "$(q "select count(*) from sqlite_master where name = '$ix'")" -eq 1
done
check "sqlite: entity_mentions counts mentions and documents" \
    test "$(q "select mentions || ' ' || documents from entity_mentions where canonical = 'Kyiv'")" = '2 1'
check "sqlite: document_figures counts per kind" \
    test "$(q "select figures, money, percent, counts, dates from document_figures where doc_id = 'x1'")" = '4|1|1|1|1'
check "sqlite: document_figures lists documents without figures" \
    test "$(q "select count(*) from document_figures")" -eq 6
check "sqlite: figures joins the sentence" \
    test "$(q "select count(*) from figures where sentence like 'Kyiv, Ukraine:%'")" -eq 4
check "sqlite: no temporary database left" test -z "$(find "$t" -name 'lede.db.tmp*')"

# Two rows for one mention break the key: the load fails, the old
# database stays.
cp "$db" "$t/before.db"
sed -n '/^E	x1	1	0	4/p' "$t/stream" > "$t/dup"
cat "$t/stream" "$t/dup" | "$BIN/to-csv" --dir "$t/bad"
scripts/load-sqlite "$t/bad" "$db" 2>"$t/err"
check "sqlite: duplicate key: load fails" test $? -eq 1
check "sqlite: duplicate key: the error says so" grep -qi 'unique\|constraint' "$t/err"
check "sqlite: failed load leaves the database as it was" same "$t/before.db" "$db"
scripts/load-sqlite "$t/nonesuch" "$db" 2>/dev/null
check "sqlite: missing tables: exit 1" test $? -eq 1
scripts/load-sqlite 2>/dev/null
check "sqlite: bad usage: exit 2" test $? -eq 2

# articles-to-csv --db, and make run's queries.
scripts/articles-to-csv -q -o "$t/a" --db "$t/a/lede.db" samples
check "sqlite: articles-to-csv --db loads the tables" \
    test "$(sqlite3 "$t/a/lede.db" "select sum(sentences) from documents")" -eq \
    "$(sqlite3 "$t/a/lede.db" "select count(*) from sentences")"
