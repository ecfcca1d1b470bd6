$BIN/normalize tests/data/dumps/damaged-member.warc.wet.gz
