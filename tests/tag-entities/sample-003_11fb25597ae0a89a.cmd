$BIN/normalize samples/003_11fb25597ae0a89a.txt | $BIN/split-sentences | $BIN/tag-entities
