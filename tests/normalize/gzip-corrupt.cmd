$BIN/normalize tests/data/corrupt.gz tests/data/plain.txt
