# the numbers of sample 001_9e6c07249c8ec573 through the real pipeline (N records only)
$BIN/normalize samples/001_9e6c07249c8ec573.txt | $BIN/split-sentences | $BIN/extract-numbers | awk -F"\t" '$1 == "N"'
