$BIN/normalize tests/data/dumps/damaged.sgml
