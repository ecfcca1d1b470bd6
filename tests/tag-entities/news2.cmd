$BIN/normalize tests/tag-entities/news2.txt | $BIN/split-sentences | $BIN/tag-entities
