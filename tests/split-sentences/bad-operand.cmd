$BIN/split-sentences extra-operand </dev/null
