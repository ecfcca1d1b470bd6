$BIN/normalize tests/data/tree
