$BIN/normalize --format=bogus tests/data/dumps/articles.tar
