$BIN/normalize tests/tag-entities/news.txt | $BIN/split-sentences | $BIN/tag-entities
