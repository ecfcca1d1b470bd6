$BIN/normalize --format=text tests/data/dumps/articles.jsonl
