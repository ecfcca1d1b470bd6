#!/bin/sh
# tests/man.sh: every program has a man page, and mandoc finds nothing
# wrong with any page (warnings and worse; style notes aside).
. tests/lib.sh

for p in "$BIN"/*; do
	check "man: ${p##*/} has a page" test -f "filters/${p##*/}.1"
done
if command -v mandoc >/dev/null 2>&1; then
	for m in filters/*.1 common/*.5; do
		check "man: $m is lint-clean" \
		    sh -c "out=\$(mandoc -Tlint -Wwarning '$m' 2>&1); echo \"\$out\"; test -z \"\$out\""
	done
else
	fail "man: mandoc not installed (scripts/install-deps installs it)"
fi
