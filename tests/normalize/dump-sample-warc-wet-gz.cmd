$BIN/normalize tests/data/dumps/sample.warc.wet.gz
