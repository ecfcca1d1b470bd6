$BIN/normalize samples | $BIN/split-sentences | $BIN/to-csv --table documents
