$BIN/normalize tests/data/dumps/damaged-articles.tgz
