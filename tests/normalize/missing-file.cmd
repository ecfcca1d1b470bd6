$BIN/normalize tests/data/no-such-file tests/data/plain.txt
