$BIN/normalize tests/data/dumps/gigaword.sgml.gz
