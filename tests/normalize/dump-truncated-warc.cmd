$BIN/normalize tests/data/dumps/truncated.warc
