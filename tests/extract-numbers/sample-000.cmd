# the numbers of sample 000_8a02e417104b49eb through the real pipeline (N records only)
$BIN/normalize samples/000_8a02e417104b49eb.txt | $BIN/split-sentences | $BIN/extract-numbers | awk -F"\t" '$1 == "N"'
