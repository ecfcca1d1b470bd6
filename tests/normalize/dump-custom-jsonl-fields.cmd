$BIN/normalize --json-title=name --json-date=when tests/data/dumps/custom.jsonl
