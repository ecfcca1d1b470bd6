# lex2c.awk: turn a plain-text lexicon into a C header holding its text,
# so the binaries carry their lexicons and need no data files at run time.
#   awk -v name=NAME -f scripts/lex2c.awk common/lexicons/NAME.tsv > gen/lex_NAME.h
BEGIN {
	gsub(/-/, "_", name)
	printf "/* Generated from common/lexicons by scripts/lex2c.awk; do not edit. */\n"
	printf "static const char lex_%s[] =\n", name
	n = 0
}
{
	sub(/\r$/, "")
	gsub(/\\/, "\\\\")
	gsub(/"/, "\\\"")
	gsub(/\t/, "\\t")
	gsub(/\?/, "\\?")	# no trigraphs
	printf "\t\"%s\\n\"\n", $0
	n++
}
END {
	if (n == 0)
		printf "\t\"\"\n"
	printf "\t;\n"
}
