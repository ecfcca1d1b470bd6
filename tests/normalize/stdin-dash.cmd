printf "From stdin.\\n" | $BIN/normalize - tests/data/plain.txt
