$BIN/tag-entities extra-operand </dev/null
