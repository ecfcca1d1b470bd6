$BIN/normalize tests/data/dumps/articles.tgz
