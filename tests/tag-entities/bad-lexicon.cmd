$BIN/tag-entities --lexicon tests/tag-entities/bad-lexicon.tsv </dev/null
