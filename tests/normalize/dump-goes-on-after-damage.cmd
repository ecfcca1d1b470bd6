$BIN/normalize tests/data/dumps/damaged.jsonl tests/data/dumps/articles.tar
