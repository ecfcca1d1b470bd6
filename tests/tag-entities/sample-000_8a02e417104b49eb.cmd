$BIN/normalize samples/000_8a02e417104b49eb.txt | $BIN/split-sentences | $BIN/tag-entities
