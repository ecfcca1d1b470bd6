$BIN/normalize tests/data/dumps/sample.warc.gz
