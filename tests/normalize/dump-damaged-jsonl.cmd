$BIN/normalize tests/data/dumps/damaged.jsonl
