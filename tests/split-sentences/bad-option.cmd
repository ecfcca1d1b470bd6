$BIN/split-sentences --bogus </dev/null
