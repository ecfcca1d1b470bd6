$BIN/normalize tests/data/dumps/articles.jsonl
