$BIN/normalize tests/data/bad-length.gz tests/data/plain.txt
