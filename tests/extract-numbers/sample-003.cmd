# the numbers of sample 003_11fb25597ae0a89a through the real pipeline (N records only)
$BIN/normalize samples/003_11fb25597ae0a89a.txt | $BIN/split-sentences | $BIN/extract-numbers | awk -F"\t" '$1 == "N"'
