# the numbers of sample 004_d6ee3cb30dc3f8fd through the real pipeline (N records only)
$BIN/normalize samples/004_d6ee3cb30dc3f8fd.txt | $BIN/split-sentences | $BIN/extract-numbers | awk -F"\t" '$1 == "N"'
