cat tests/data/dumps/sample.warc.wet.gz | $BIN/normalize
