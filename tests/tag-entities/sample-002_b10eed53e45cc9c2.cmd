$BIN/normalize samples/002_b10eed53e45cc9c2.txt | $BIN/split-sentences | $BIN/tag-entities
