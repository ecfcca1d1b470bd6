$BIN/normalize samples/004_d6ee3cb30dc3f8fd.txt | $BIN/split-sentences | $BIN/tag-entities
