$BIN/tag-entities --lexicon tests/tag-entities/no-such-file.tsv </dev/null
