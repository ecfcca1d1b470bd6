$BIN/normalize --files0-from=tests/data/files0.list tests/data/plain.txt
