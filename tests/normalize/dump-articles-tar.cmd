$BIN/normalize tests/data/dumps/articles.tar
