$BIN/normalize tests/data/truncated.gz tests/data/plain.txt
