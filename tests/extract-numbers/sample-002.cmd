# the numbers of sample 002_b10eed53e45cc9c2 through the real pipeline (N records only)
$BIN/normalize samples/002_b10eed53e45cc9c2.txt | $BIN/split-sentences | $BIN/extract-numbers | awk -F"\t" '$1 == "N"'
