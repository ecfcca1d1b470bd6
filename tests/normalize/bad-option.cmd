$BIN/normalize --id=bogus tests/data/plain.txt
