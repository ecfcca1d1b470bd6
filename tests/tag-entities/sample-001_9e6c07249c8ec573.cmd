$BIN/normalize samples/001_9e6c07249c8ec573.txt | $BIN/split-sentences | $BIN/tag-entities
